import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class UpdateSharingDto {
  @ApiProperty({ description: 'Share whether the firm started or submitted the self-check with the chambers it belongs to' })
  @IsBoolean({ message: 'Choose yes or no' })
  participationStatus!: boolean;
}

export class SharingView {
  @ApiProperty() participationStatus!: boolean;
  @ApiProperty({ nullable: true, type: Date }) grantedAt!: Date | null;
}
