import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '@cb/domain';

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() createdAt: string;
}

export class TeamMemberListDto {
  @ApiProperty({ type: [TeamMemberDto] }) data: TeamMemberDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES, example: 'member' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}
