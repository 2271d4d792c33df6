import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AcceptNdaDto {
  @ApiProperty({ format: 'uuid', description: 'The team whose lead (you) accepts the NDA on its behalf' })
  @IsUUID('all')
  teamId!: string;
}
