import { crc32, deflateSync } from 'node:zlib';

// Test images built in code (no binary fixtures in the repository).

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid RGB PNG of the given size (a solid colour); `padTo` adds a private chunk to reach a byte size. */
export function pngImage(width = 120, height = 40, padTo = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x4e)]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ];
  const size = parts.reduce((n, p) => n + p.length, 0);
  if (padTo > size + 12) parts.splice(2, 0, chunk('prVt', Buffer.alloc(padTo - size - 12, 1)));
  return Buffer.concat(parts);
}

/** A real 120 × 40 JPEG (rendered by Chromium). */
export const JPEG_LOGO = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAoAHgDASIAAhEBAxEB/8QAGQABAAMBAQAAAAAAAAAAAAAAAAIEBgUB/8QAKxAAAQMDAgYBAwUAAAAAAAAAAQACAwQFERIhBhMUQVFhMSKBkSQycbHw/8QAGQEBAQEBAQEAAAAAAAAAAAAAAAIBAwQF/8QAHREBAQACAgMBAAAAAAAAAAAAAAECERIxEyFhof/aAAwDAQACEQMRAD8AzaIpwxSTzMhhaXSSODWtHcnYL6DwIIrlytdbapWRV8Bie9upo1B2R/IJUZrbWQW+Gvlh000x0xv1A5O/bOexTcNVVRWhbaw211xEP6VrtBk1D58Yzle19trLdJHHWQ8t0rdbBqDsj7EpuGqqIrlfa623NidWw8rmjUxpe0ux7AOR91TSXZZoREWgiIgIiICIiAtLwLQmpvLqosL20jC8Dy47NH9/hZpdWkvRo7DU22CAtkqXhz5w/fAxtjHrz3KjOWzUVjZLutDxBQXGo4UZU3ODl1lJO4n6g7Uxx9E9yPwp8i2z8D2tt0rH0sQe4tc1hdk5dtsCs5aL4+3xVkNRE6qhqouW5hk0495wfJXlXeep4fo7V0+npnl3M151fPbG3z5UcMuvq+U7aKvhoYOAZmW2qdUwdQDrcwtOcjIwQF3KiC3uu1DLPJGa/psUsUn7dQydR/3YrAtvOnhp9n6fOqXmc3X8fG2MevKlfL4+61VLURwmmfTxhjSJNRyDnOcDCzx2/recipeJK2S6Tm5F3VB2Hg9vQ9eFTXXvd6ZeY4HzUYjrI2hr52v2kHtuNvyuQuuPXtyy7ERFTBERAREQEREBERAREQEREBERAREQEREBERAREQf/2Q==',
  'base64',
);

export const SVG_LOGO = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

/** The first bytes of a Windows executable (what a renamed .exe starts with). */
export const EXE_BYTES = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('This program cannot be run in DOS mode.'),
  Buffer.alloc(400),
]);
