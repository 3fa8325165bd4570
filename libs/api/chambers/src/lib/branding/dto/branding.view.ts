import { ApiProperty } from '@nestjs/swagger';
import { type LogoType, REPORT_LANGUAGES, type ReportLanguage } from '../chamber-branding.entity';

export class LogoView {
  @ApiProperty({ enum: ['image/png', 'image/jpeg'] }) contentType!: LogoType;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ description: 'File size in bytes' }) size!: number;
  @ApiProperty({ description: 'Public URL of the image (changes when the logo changes)' }) url!: string;
  @ApiProperty() uploadedAt!: Date;
}

export class BrandingView {
  @ApiProperty({ format: 'uuid' }) chamberId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) contactLine!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ enum: REPORT_LANGUAGES }) reportLanguage!: ReportLanguage;
  @ApiProperty({ nullable: true, type: String, description: 'Introduction of the member benchmark PDF' })
  benchmarkIntro!: string | null;
  @ApiProperty({ description: 'False while the chamber has not saved any branding (defaults shown)' })
  customised!: boolean;
  @ApiProperty({ nullable: true, type: LogoView }) logo!: LogoView | null;
  @ApiProperty({ nullable: true, type: Date }) updatedAt!: Date | null;
}
