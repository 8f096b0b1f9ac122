// Public API of src/codec; re-exported from the package root.
export {};
