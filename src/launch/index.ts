// Public API of src/launch; re-exported from the package root.
export {};
