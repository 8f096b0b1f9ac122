// UTF-8 byte offsets for JSON records: the codec reports character offsets into the text, the
// stream needs byte offsets. (Where invalid UTF-8 starts is the codec's firstInvalidUtf8.)

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
