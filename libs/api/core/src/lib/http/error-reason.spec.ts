import { BadRequestException, ConflictException } from '@nestjs/common';
import { errorReason } from './error-reason';

describe('errorReason', () => {
  it('reads HTTP exceptions, message lists, errors and anything else', () => {
    expect(errorReason(new ConflictException('Submit first'))).toBe('Submit first');
    expect(errorReason(new BadRequestException({ message: ['a is wrong', 'b is missing'] }))).toBe(
      'a is wrong; b is missing',
    );
    expect(errorReason(new Error('boom'))).toBe('boom');
    expect(errorReason('plain')).toBe('plain');
  });
});
