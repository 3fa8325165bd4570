import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class InviteFirmsDto {
  @ApiPropertyOptional({
    description:
      'Pasted addresses: one per line, or separated by commas/semicolons; CSV text (separator ; , or tab detected) with a header row is read by column names ' +
      '(E-Mail/Email, Firma/Company, Ansprechpartner/Contact). ' +
      'Alternatively send multipart/form-data with a CSV file in the field `file`. At most 5,000 entries per request.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  addresses?: string;
}
