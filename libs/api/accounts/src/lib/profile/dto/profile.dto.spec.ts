import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UpdateProfileDto } from './profile.dto';

// The code as a firm pastes it from its business licence or a PDF: grouped with spaces or hyphens, in lower case.
describe('UpdateProfileDto: unified social credit code', () => {
  const usccErrors = async (uscc: unknown) => {
    const dto = plainToInstance(UpdateProfileDto, { uscc });
    const errors = await validate(dto);
    return { value: dto.uscc, errors: errors.filter((e) => e.property === 'uscc') };
  };

  it.each(['9135 0100 M000 100Y 43', '91350100-M000100Y43', ' 91350100m000100y43 ', '9135\u00a00100M000100Y43'])(
    'drops spaces and hyphens and upper-cases "%s" before checking it',
    async (pasted) => {
      const { value, errors } = await usccErrors(pasted);
      expect(value).toBe('91350100M000100Y43');
      expect(errors).toEqual([]);
    },
  );

  it('still rejects a mistyped code after normalising it, and treats blank as no code', async () => {
    const wrong = await usccErrors('9135 0100 M000 100Y 44');
    expect(wrong.value).toBe('91350100M000100Y44');
    expect(wrong.errors).toHaveLength(1);
    expect((await usccErrors('  ')).value).toBeNull();
  });
});
