import { Injectable } from '@nestjs/common';
import { AuthUser, authorize } from '@app/auth';
import { ChallengeEntity, ChallengeVersionEntity, NdaAcceptanceEntity, publishEvent } from '@app/database';
import {
  ChallengeStatus,
  Conflict,
  EDITABLE_STATUSES,
  transitionChallenge,
  Unprocessable,
  validateChallengeTerms,
  validatePublishedAmendment,
  ValidationFailed,
} from '@app/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { asChallengeStatus, ChallengeAccess, Reader, VisibleChallenge } from '../access/challenge-access.service';
import { mergeTerms, sameTerms, StoredTerms, storeTerms, termsColumns, termsFromCreate, termsFromEntity } from './challenge-terms';
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

const { DRAFT, PUBLISHED, REJECTED, CLOSED } = ChallengeStatus;

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
  ) {}

  async create(user: AuthUser, dto: CreateChallengeDto): Promise<ChallengeView> {
    const reader = await this.access.reader(user);
    const orgId = postingOrg(reader, dto.orgId);
    const terms = termsFromCreate(dto);
    validateChallengeTerms(terms, { forPublication: false });
    const id = await this.dataSource.transaction(async (manager) => {
      const challenge = manager.create(ChallengeEntity, { ...termsColumns(terms), orgId, createdBy: user.id, status: DRAFT, version: 1 });
      return (await manager.save(challenge)).id;
    });
    return this.get(user, id);
  }

  /** Edits a draft in place; editing a rejected challenge takes it back to DRAFT. */
  update(user: AuthUser, id: string, dto: UpdateChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, manager) => {
      authorize(challenge.relation.ownerOrg, NOT_OWNER, 'Only the organisation that posted the challenge edits it');
      if (!EDITABLE_STATUSES.includes(challenge.status)) {
        const hint = challenge.status === PUBLISHED ? 'amend it instead' : 'only drafts and rejected challenges are edited';
        throw new Conflict('CHALLENGE_NOT_EDITABLE', `A ${challenge.status} challenge cannot be edited; ${hint}`, { status: challenge.status });
      }
      const status = challenge.status === REJECTED ? transitionChallenge(REJECTED, 'reopen') : challenge.status;
      const next = mergeTerms(termsFromEntity(challenge.entity), dto);
      validateChallengeTerms(next, { forPublication: false });
      await manager.update(ChallengeEntity, { id }, { ...termsColumns(next), status });
    });
  }

  /** Sends a draft to the bureau; its terms must already be publishable (a window of 24 h that closes in the future). */
  submit(user: AuthUser, id: string): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, manager) => {
      authorize(challenge.relation.ownerOrg, NOT_OWNER, 'Only the organisation that posted the challenge submits it');
      const status = transitionChallenge(challenge.status, 'submit');
      validateChallengeTerms(termsFromEntity(challenge.entity), { forPublication: true, now: challenge.now });
      await manager.update(ChallengeEntity, { id }, { status, submittedAt: () => 'now()', rejectionReason: null });
    });
  }

  /** The bureau publishes: version 1 is recorded and challenge.published emitted. */
  publish(user: AuthUser, id: string): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, manager) => {
      authorize(challenge.relation.admin, 'ROLE_REQUIRED', 'Only the bureau (admins) publishes challenges');
      const status = transitionChallenge(challenge.status, 'publish');
      const terms = termsFromEntity(challenge.entity);
      validateChallengeTerms(terms, { forPublication: true, now: challenge.now });
      const { version, orgId } = challenge.entity;
      await manager.update(ChallengeEntity, { id }, { status, publishedAt: () => 'now()' });
      await manager.insert(ChallengeVersionEntity, { challengeId: id, version, snapshot: { ...storeTerms(terms) }, changeNote: null, createdBy: user.id });
      await publishEvent(manager, 'challenge.published', { challengeId: id, orgId, version, closesAt: terms.closesAt.toISOString() });
    });
  }

  reject(user: AuthUser, id: string, dto: RejectChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, manager) => {
      authorize(challenge.relation.admin, 'ROLE_REQUIRED', 'Only the bureau (admins) rejects challenges');
      const status = transitionChallenge(challenge.status, 'reject', { reason: dto.reason });
      await manager.update(ChallengeEntity, { id }, { status, rejectionReason: dto.reason });
    });
  }

  /** The owner or the bureau withdraws a challenge; a published one needs a reason, which its bidders receive. */
  cancel(user: AuthUser, id: string, dto: CancelChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, manager) => {
      authorize(challenge.relation.ownerOrg || challenge.relation.admin, NOT_OWNER, 'Only the organisation that posted the challenge, or the bureau, cancels it');
      const status = transitionChallenge(challenge.status, 'cancel', { reason: dto.reason });
      const reason = dto.reason ?? null;
      await manager.update(ChallengeEntity, { id }, { status, cancellationReason: reason });
      await publishEvent(manager, 'challenge.cancelled', { challengeId: id, reason });
    });
  }

  /** A new version of a published challenge; nothing may move against the bidders (see validatePublishedAmendment). */
  amend(user: AuthUser, id: string, dto: AmendChallengeDto): Promise<ChallengeView> {
    return this.change(user, id, async (challenge, manager) => {
      authorize(challenge.relation.ownerOrg, NOT_OWNER, 'Only the organisation that posted the challenge amends it');
      const stored = asChallengeStatus(challenge.entity.status);
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
      await manager.update(ChallengeEntity, { id }, { ...termsColumns(next), version });
      await manager.insert(ChallengeVersionEntity, {
        challengeId: id,
        version,
        snapshot: { ...storeTerms(next) },
        changeNote: dto.changeNote,
        createdBy: user.id,
      });
      await publishEvent(manager, 'challenge.amended', { challengeId: id, version, changeNote: dto.changeNote, closesAt: next.closesAt.toISOString() });
    });
  }

  async get(user: AuthUser | null, id: string): Promise<ChallengeView> {
    const manager = this.dataSource.manager;
    const reader = await this.access.reader(user, manager);
    return this.view(await this.access.visible(id, reader, manager), manager);
  }

  /** Every published version, oldest first, shown as the challenge itself is (detail and invitations only if allowed). */
  async versions(user: AuthUser | null, id: string): Promise<ChallengeVersionView[]> {
    const manager = this.dataSource.manager;
    const challenge = await this.access.visible(id, await this.access.reader(user, manager), manager);
    const disclose = disclosureFor(challenge, this.access.canSeeDetail(challenge));
    const rows = await manager.find(ChallengeVersionEntity, { where: { challengeId: id }, order: { version: 'ASC' } });
    return rows.map((row) => ({
      version: row.version,
      changeNote: row.changeNote,
      createdAt: row.createdAt.toISOString(),
      terms: toTermsView(row.snapshot as unknown as StoredTerms, disclose),
    }));
  }

  /** Runs `action` on the locked challenge in one transaction, then answers the challenge as the caller now sees it. */
  private async change(
    user: AuthUser,
    id: string,
    action: (challenge: VisibleChallenge, manager: EntityManager) => Promise<void>,
  ): Promise<ChallengeView> {
    await this.dataSource.transaction(async (manager) => {
      const reader = await this.access.reader(user, manager);
      await action(await this.access.visible(id, reader, manager, true), manager);
    });
    return this.get(user, id);
  }

  private async view(challenge: VisibleChallenge, manager: EntityManager): Promise<ChallengeView> {
    const { entity, reader } = challenge;
    const [extras]: { org_name: string; answered: number }[] = await manager.query(
      `SELECT (SELECT name FROM organisation WHERE id = $1) AS org_name,
              (SELECT count(*)::int FROM challenge_question WHERE challenge_id = $2 AND answer IS NOT NULL) AS answered`,
      [entity.orgId, entity.id],
    );
    const acceptances =
      reader.teamIds.length > 0
        ? await manager.find(NdaAcceptanceEntity, { where: { challengeId: entity.id, teamId: In(reader.teamIds) }, order: { acceptedAt: 'ASC' } })
        : [];
    return toChallengeView(challenge, this.access.canSeeDetail(challenge), {
      orgName: extras.org_name,
      ndaAcceptances: acceptances.map(toNdaAcceptanceView),
      answeredQuestions: extras.answered,
    });
  }
}
