import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Timeouts only stop a hung test from hanging the run; they assert nothing about speed. Sized for a
    // busy 2-core CI machine, where the heaviest tests (hundreds of files through every format) take
    // several times longer than alone.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
