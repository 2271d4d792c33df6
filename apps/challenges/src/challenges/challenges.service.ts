import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, authorize } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { connectionManager, publishEvent } from '@app/database';
import {
  assertWindowFromPublication,
  ChallengeStatus,
  Conflict,
  EDITABLE_STATUSES,
  transitionChallenge,
  Unprocessable,
  validateChallengeTerms,
  validatePublishedAmendment,
  ValidationFailed,
  WindowOptions,
} from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ChallengeAccess, Reader, VisibleChallenge } from '../access/challenge-access.service';
import { NdaRepository } from '../nda/nda.repository';
import { ChallengeRepository } from './challenge.repository';
import { mergeTerms, sameTerms, termsFromCreate, termsFromEntity } from './challenge-terms';
import { disclosureFor, toChallengeView, toNdaAcceptanceView, toTermsView } from './challenge.views';
import {
  AmendChallengeDto,
  CancelChallengeDto,
  ChallengeVersionView,
  ChallengeView,
  CreateChallengeDto,
  RejectChallengeDto,
  UpdateChallengeDto,
} from './dto/challenge.dto';

const { PUBLISHED, REJECTED, CLOSED } = ChallengeStatus;

const NOT_OWNER = 'NOT_CHALLENGE_OWNER';

/** The organisation a new challenge is posted for: one the caller acts for as a verified enterprise. */
function postingOrg(reader: Reader, requested: string | undefined): string {
  const orgs = reader.actor?.enterpriseOrgIds ?? [];
  if (requested !== undefined) {
    authorize(orgs.includes(requested), 'NOT_ORG_ENTERPRISE', 'You do not act for this organisation as a verified enterprise');
    return requested;
  }
  authorize(orgs.length > 0, 'ENTERPRISE_REQUIRED', 'Only members of a verified enterprise organisation post challenges');
  if (orgs.length > 1) throw ValidationFailed.field('orgId', 'is required: you act for several organisations');
  return orgs[0];
}

/** Posting, editing, the bureau's review, cancelling and amending challenges; reading one and its versions. */
@Injectable()
export class ChallengesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChallengeAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateChallengeDto): Promise<ChallengeView> {
    const reader = await this.access.reader(user);
    const orgId = postingOrg(reader, dto.orgId);
    const terms = termsFromCreate(dto);
    validateChallengeTerms(terms, { forPublication: false });
    const id = await this.dataSource.transaction((manager) => new ChallengeRepository(manager).createDraft(terms, orgId, user.id));
    return this.get(user, id);
  }

  /** Edits a draft in place; editing a rejected challenge takes it back to DRAFT. */
  update(user: AuthUser, id: string, dto: UpdateChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, challenges) => {
      authorize(challenge.relation.ownerOrg, NOT_OWNER, 'Only the organisation that posted the challenge edits it');
      if (!EDITABLE_STATUSES.includes(challenge.status)) {
        const hint = challenge.status === PUBLISHED ? 'amend it instead' : 'only drafts and rejected challenges are edited';
        throw new Conflict('CHALLENGE_NOT_EDITABLE', `A ${challenge.status} challenge cannot be edited; ${hint}`, { status: challenge.status });
      }
      const status = challenge.status === REJECTED ? transitionChallenge(REJECTED, 'reopen') : challenge.status;
      const next = mergeTerms(termsFromEntity(challenge.entity), dto);
      validateChallengeTerms(next, { forPublication: false });
      await challenges.saveDraftTerms(id, next, status);
    });
  }

  /** Sends a draft to the bureau; its terms must already be publishable (a window of MIN_BIDDING_WINDOW_HOURS that closes in the future). */
  submit(user: AuthUser, id: string): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, challenges) => {
      authorize(challenge.relation.ownerOrg, NOT_OWNER, 'Only the organisation that posted the challenge submits it');
      const status = transitionChallenge(challenge.status, 'submit');
      validateChallengeTerms(termsFromEntity(challenge.entity), this.forPublication(challenge.now));
      await challenges.markSubmitted(id, status);
    });
  }

  /**
   * The bureau publishes: version 1 is recorded and challenge.published emitted. The minimum window
   * holds from opensAt and also from this moment (the database clock after the row lock): an opensAt
   * in the past does not shorten the time bidders get.
   */
  publish(user: AuthUser, id: string): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, challenges, manager) => {
      authorize(challenge.relation.admin, 'ROLE_REQUIRED', 'Only the bureau (admins) publishes challenges');
      const status = transitionChallenge(challenge.status, 'publish');
      const terms = termsFromEntity(challenge.entity);
      validateChallengeTerms(terms, this.forPublication(challenge.now));
      assertWindowFromPublication(terms.closesAt, challenge.now, this.config.minBiddingWindowHours);
      const { version, orgId } = challenge.entity;
      await challenges.markPublished(id, status, challenge.now);
      await challenges.insertVersion({ challengeId: id, version, terms, changeNote: null, createdBy: user.id });
      await publishEvent(manager, 'challenge.published', { challengeId: id, orgId, version, closesAt: terms.closesAt.toISOString() });
    });
  }

  reject(user: AuthUser, id: string, dto: RejectChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, challenges) => {
      authorize(challenge.relation.admin, 'ROLE_REQUIRED', 'Only the bureau (admins) rejects challenges');
      const status = transitionChallenge(challenge.status, 'reject', { reason: dto.reason });
      await challenges.markRejected(id, status, dto.reason);
    });
  }

  /** The owner or the bureau withdraws a challenge; a published one needs a reason, which its bidders receive. */
  cancel(user: AuthUser, id: string, dto: CancelChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, challenges, manager) => {
      authorize(challenge.relation.ownerOrg || challenge.relation.admin, NOT_OWNER, 'Only the organisation that posted the challenge, or the bureau, cancels it');
      const status = transitionChallenge(challenge.status, 'cancel', { reason: dto.reason });
      const reason = dto.reason ?? null;
      await challenges.markCancelled(id, status, reason);
      await publishEvent(manager, 'challenge.cancelled', { challengeId: id, reason });
    });
  }

  /** A new version of a published challenge; nothing may move against the bidders (see validatePublishedAmendment). */
  amend(user: AuthUser, id: string, dto: AmendChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, challenges, manager) => {
      authorize(challenge.relation.ownerOrg, NOT_OWNER, 'Only the organisation that posted the challenge amends it');
      const stored = challenge.entity.status;
      if (stored !== PUBLISHED && stored !== CLOSED) {
        throw new Conflict('CHALLENGE_NOT_AMENDABLE', `Only a published challenge is amended, not a ${challenge.status} one; edit drafts with PATCH`, {
          status: challenge.status,
        });
      }
      const current = termsFromEntity(challenge.entity);
      const next = mergeTerms(current, dto);
      validatePublishedAmendment(current, next, challenge.now);
      validateChallengeTerms(next, { forPublication: false });
      if (sameTerms(current, next)) throw new Unprocessable('AMENDMENT_EMPTY', 'The amendment changes nothing');
      const version = challenge.entity.version + 1;
      await challenges.saveAmendment(id, next, version);
      await challenges.insertVersion({ challengeId: id, version, terms: next, changeNote: dto.changeNote, createdBy: user.id });
      await publishEvent(manager, 'challenge.amended', { challengeId: id, version, changeNote: dto.changeNote, closesAt: next.closesAt.toISOString() });
    });
  }

  async get(user: AuthUser | null, id: string): Promise<ChallengeView> {
    const manager = connectionManager(this.dataSource);
    const reader = await this.access.reader(user, manager);
    return this.view(await this.access.visible(id, reader, manager), manager);
  }

  /** Every published version, oldest first, shown as the challenge itself is (detail and invitations only if allowed). */
  async versions(user: AuthUser | null, id: string): Promise<ChallengeVersionView[]> {
    const manager = connectionManager(this.dataSource);
    const challenge = await this.access.visible(id, await this.access.reader(user, manager), manager);
    const disclose = disclosureFor(challenge, this.access.canSeeDetail(challenge));
    return (await new ChallengeRepository(manager).versions(id)).map((row) => ({
      version: row.version,
      changeNote: row.changeNote,
      createdAt: row.createdAt.toISOString(),
      terms: toTermsView(row.terms, disclose),
    }));
  }

  private forPublication(now: Date): WindowOptions {
    return { forPublication: true, now, minWindowHours: this.config.minBiddingWindowHours };
  }

  /** Runs `action` on the locked challenge in one transaction, then answers the challenge as the caller now sees it. */
  private async change(
    user: AuthUser,
    id: string,
    action: (challenge: VisibleChallenge, challenges: ChallengeRepository, manager: EntityManager) => Promise<void>,
  ): Promise<ChallengeView> {
    await this.dataSource.transaction(async (manager) => {
      const reader = await this.access.reader(user, manager);
      await action(await this.access.visible(id, reader, manager, true), new ChallengeRepository(manager), manager);
    });
    return this.get(user, id);
  }

  private async view(challenge: VisibleChallenge, manager: EntityManager): Promise<ChallengeView> {
    const { entity, reader } = challenge;
    const extras = await new ChallengeRepository(manager).extras(entity.orgId, entity.id);
    const acceptances = reader.teamIds.length > 0 ? await new NdaRepository(manager).ofTeams(entity.id, reader.teamIds) : [];
    return toChallengeView(challenge, this.access.canSeeDetail(challenge), { ...extras, ndaAcceptances: acceptances.map(toNdaAcceptanceView) });
  }
}
