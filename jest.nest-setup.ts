// Load Nest's ESM entry points before a test's module graph links, so CommonJS packages that
// require() them (e.g. @nestjs/throttler) do not hit a require(esm) cycle.
import '@nestjs/common';
import '@nestjs/core';
process.env['LOG_LEVEL'] ??= 'silent';
