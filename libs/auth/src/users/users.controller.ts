import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../decorators';
import { SearchUsersQuery, UserSummaryView } from '../dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Search users' })
  @Roles('ADMIN')
  @ApiOkResponse({
    type: [UserSummaryView],
    description: 'Users whose display name or email contains q (any case), by display name then email, with their organisations',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, field by field: q missing, empty or over 100 characters, limit outside 1..50, an unknown field' })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  search(@Query() query: SearchUsersQuery): Promise<UserSummaryView[]> {
    return this.users.search(query);
  }
}
