// Where UTF-8 goes wrong, for the message of a JSON record that is not text. Only called after
// TextDecoder (fatal) has refused the bytes, which says that but not where.

/** The offset of the first byte that starts an invalid UTF-8 sequence, or -1 when valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = sequenceLength(bytes, i, lead);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** The length of the valid sequence starting at i (lead byte `lead`), or 0 when invalid. */
function sequenceLength(bytes: Uint8Array, i: number, lead: number): number {
  if (lead < 0x80) return 1;
  // Second-byte range per lead byte (RFC 3629 section 4): excludes overlong forms, surrogates
  // (ED A0..BF) and code points past U+10FFFF.
  let low = 0x80;
  let high = 0xbf;
  let length: number;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1] as number;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] as number;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** UTF-8 byte length of text.slice(0, end), without building it. */
export function utf8Length(text: string, end: number): number {
  let bytes = 0;
  for (let i = 0; i < end && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
