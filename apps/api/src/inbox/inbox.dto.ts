import { ApiProperty } from '@nestjs/swagger';

export class InboxDto {
  @ApiProperty({ example: '3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60@in.contract-bank.example' })
  address: string;
}
