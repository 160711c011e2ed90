// Stands in for a Vite bundle with a content hash in its name (ResponseHeadersTest).
export const built = true;
