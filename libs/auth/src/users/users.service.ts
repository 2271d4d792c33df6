import { Injectable } from '@nestjs/common';
import { connectionManager } from '@app/database';
import { DataSource } from 'typeorm';
import { SearchUsersQuery, USER_SEARCH_LIMIT_DEFAULT, UserSummaryView } from '../dto/user.dto';
import { UserRepository } from '../user.repository';

/** Finding users by name or email, for the bureau (e.g. to add one to the expert pool). Never reads the password hash. */
@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  search(query: SearchUsersQuery): Promise<UserSummaryView[]> {
    return new UserRepository(connectionManager(this.dataSource)).search(query.q, query.limit ?? USER_SEARCH_LIMIT_DEFAULT);
  }
}
