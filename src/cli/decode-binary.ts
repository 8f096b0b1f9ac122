// The binary codec's decode, for parseMessage (library.ts), which imports this file only for a
// binary input: the generated binary readers are the larger part of the codec, and a `check` of
// JSON (the common case) then neither parses nor builds them.
export { decode } from "../codec/index.js";
