// Public API of src/validation; re-exported from the package root.
export {};
