import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { RateLimited } from '@app/domain';
import { TokenBuckets } from './token-buckets';

/**
 * Per-user limits on changes (HTTP writes) and evaluation-room socket messages: token buckets in
 * this instance's memory, so N instances behind a balancer allow up to N times the rate per user.
 */
@Injectable()
export class UserRateLimits {
  private readonly writes: TokenBuckets;
  private readonly roomMessages: TokenBuckets;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.writes = new TokenBuckets(config.rateLimits.writesPerMinute);
    this.roomMessages = new TokenBuckets(config.rateLimits.roomMessagesPerMinute);
  }

  /** One HTTP write (POST, PUT, PATCH, DELETE) by `userId`; RateLimited past RATE_LIMIT_WRITES_PER_MINUTE. */
  write(userId: string): void {
    take(this.writes, userId, 'Too many changes in a short time');
  }

  /** One message to the evaluation room by `userId`; RateLimited past RATE_LIMIT_ROOM_MESSAGES_PER_MINUTE. */
  roomMessage(userId: string): void {
    take(this.roomMessages, userId, 'Too many room messages in a short time');
  }
}

function take(buckets: TokenBuckets, userId: string, what: string): void {
  const wait = buckets.take(userId);
  if (wait > 0) throw new RateLimited(wait, 'RATE_LIMITED', `${what}; try again in ${wait} s`);
}
