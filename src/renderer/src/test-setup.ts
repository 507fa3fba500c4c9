import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => cleanup());

// Object URLs are replaced (jsdom's File is not a Node Blob): previews only need distinct
// strings, and tests check the revokes.
let objectUrls = 0;
URL.createObjectURL = vi.fn(() => `blob:test/${++objectUrls}`);
URL.revokeObjectURL = vi.fn();
