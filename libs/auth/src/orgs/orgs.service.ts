import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import {
  Conflict,
  InvitationDecision,
  creditCodeRequired,
  isCountryCode,
  isValidCreditCode,
  NotFound,
  organisationIdentity,
  sameOrganisation,
  ValidationFailed,
  FieldError,
} from '@app/domain';
import { connectionManager, OrganisationEntity } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth-user';
import { InvitationView } from '../dto/invitation.dto';
import { AddOrgMemberDto, CreateOrgDto, ListOrgsQuery, OrgView } from '../dto/org.dto';
import { decideInvitation, invitationView, invite, InvitationSubject } from '../invitations/membership-invitations';
import { MemberLookup } from '../member-lookup';
import { authorize, isAdmin } from '../policy';
import { OrgInvitationRepository } from './org-invitation.repository';
import { OrgMember, OrgRepository } from './org.repository';

/** An organisation as the API shows it; whether it duplicates an earlier one is for admins. */
export function toOrgView(org: OrganisationEntity, admin: boolean): OrgView {
  return {
    ...(admin ? { duplicateOf: org.duplicateOf } : {}),
    id: org.id,
    name: org.name,
    kind: org.kind,
    country: org.country,
    creditCode: org.creditCode,
    verified: org.verifiedAt !== null,
    verifiedAt: org.verifiedAt?.toISOString() ?? null,
    createdAt: org.createdAt.toISOString(),
  };
}

/** An organisation as its invitations need it: owners invite and revoke, an accepted invitation adds a MEMBER. */
function orgSubject(manager: EntityManager): InvitationSubject {
  const orgs = new OrgRepository(manager);
  return {
    lock: async (orgId) => {
      if (!(await orgs.lockById(orgId))) throw new NotFound('Organisation');
    },
    assertMayInvite: async (orgId, userId) =>
      authorize(await orgs.isOwner(orgId, userId), 'NOT_ORG_OWNER', 'Only an owner of this organisation invites members or revokes invitations'),
    isMember: (orgId, userId) => orgs.isMember(orgId, userId),
    join: async (invitation) => {
      if (!(await orgs.addMember(invitation.subjectId, invitation.inviteeId))) throw new Conflict('ALREADY_MEMBER', 'This user is already a member');
    },
  };
}

@Injectable()
export class OrgsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: MemberLookup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateOrgDto): Promise<OrgView> {
    const problems: FieldError[] = [];
    if (!isCountryCode(dto.country)) problems.push({ field: 'country', messages: ['country is not an ISO 3166-1 country code'] });
    if (dto.creditCode !== undefined && !isValidCreditCode(dto.creditCode)) {
      problems.push({ field: 'creditCode', messages: ['creditCode is not a valid unified social credit code (check character mismatch)'] });
    } else if (dto.creditCode === undefined && creditCodeRequired(dto.kind, dto.country)) {
      problems.push({ field: 'creditCode', messages: ['creditCode is required for Chinese enterprises and companies'] });
    }
    if (problems.length) throw new ValidationFailed(problems, problems.map((p) => p.messages[0]).join('; '));
    return this.dataSource.transaction(async (manager) => {
      const orgs = new OrgRepository(manager);
      await orgs.assertBelowCreatedCap(user.id, this.config.caps.orgsPerUser);
      if (dto.creditCode && (await orgs.creditCodeTaken(dto.creditCode))) {
        throw new Conflict('CREDIT_CODE_TAKEN', 'An organisation with this unified social credit code is already registered');
      }
      const identity = organisationIdentity({ name: dto.name, country: dto.country, creditCode: dto.creditCode ?? null });
      const [earlier] = (await orgs.sameIdentityCandidates(identity)).filter((other) =>
        sameOrganisation(identity, { key: other.identityKey, country: other.country, normalisedName: other.normalisedName }),
      );
      if (earlier?.verifiedAt) {
        throw new Conflict('ORGANISATION_DUPLICATE', 'This organisation is already registered and verified: ask to join it instead', { orgId: earlier.id });
      }
      const org = await orgs.create({
        name: dto.name,
        kind: dto.kind,
        country: dto.country,
        creditCode: dto.creditCode ?? null,
        createdBy: user.id,
        identityKey: identity.key,
        normalisedName: identity.normalisedName,
        duplicateOf: earlier?.id ?? null,
      });
      await orgs.addOwner(org.id, user.id);
      return toOrgView(org, isAdmin(user));
    });
  }

  async get(user: AuthUser, id: string): Promise<OrgView> {
    return toOrgView(await this.find(id), isAdmin(user));
  }

  async list(user: AuthUser, query: ListOrgsQuery): Promise<OrgView[]> {
    const memberId = query.mine || !isAdmin(user) ? user.id : null;
    return (await this.orgs.list({ memberId, verified: query.verified })).map((org) => toOrgView(org, isAdmin(user)));
  }

  async verify(admin: AuthUser, id: string): Promise<OrgView> {
    return this.dataSource.transaction(async (manager) => {
      const orgs = new OrgRepository(manager);
      const org = await orgs.lockById(id);
      if (!org) throw new NotFound('Organisation');
      if (org.verifiedAt) throw new Conflict('ORG_ALREADY_VERIFIED', 'This organisation is already verified');
      await orgs.markVerified(id, admin.id);
      return toOrgView(await orgs.byIdOrFail(id), true);
    });
  }

  async members(user: AuthUser, id: string): Promise<OrgMember[]> {
    await this.find(id);
    const members = await this.orgs.members(id);
    authorize(isAdmin(user) || members.some((m) => m.userId === user.id), 'NOT_ORG_MEMBER', 'Only members of this organisation see its members');
    return members;
  }

  /** An owner invites a registered user by email (counted per user: the answer tells whether the account exists). */
  async invite(user: AuthUser, id: string, dto: AddOrgMemberDto): Promise<InvitationView> {
    await this.lookup.count(user);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await invite(new OrgInvitationRepository(manager), orgSubject(manager), {
        subjectId: id,
        invitedBy: user.id,
        role: 'MEMBER',
        findInvitee: () => this.lookup.find(manager, dto.email),
      });
      return invitationView('ORGANISATION', invitation);
    });
  }

  /** The organisation's invitations, pending first: for its owners and admins. */
  async invitations(user: AuthUser, id: string): Promise<InvitationView[]> {
    await this.find(id);
    authorize(isAdmin(user) || (await this.orgs.isOwner(id, user.id)), 'NOT_ORG_OWNER', 'Only an owner of this organisation sees its invitations');
    return (await new OrgInvitationRepository(connectionManager(this.dataSource)).ofOrg(id)).map((i) => invitationView('ORGANISATION', i));
  }

  /** The user's invitations to organisations, pending first. */
  async invitationsOf(userId: string): Promise<InvitationView[]> {
    return (await new OrgInvitationRepository(connectionManager(this.dataSource)).ofInvitee(userId)).map((i) => invitationView('ORGANISATION', i));
  }

  /** The invitee accepts (and becomes a MEMBER) or declines; an owner revokes. 404 INVITATION_NOT_FOUND when it is no invitation to an organisation. */
  decideInvitation(user: AuthUser, invitationId: string, decision: InvitationDecision): Promise<InvitationView> {
    return this.dataSource.transaction(async (manager) =>
      invitationView('ORGANISATION', await decideInvitation(new OrgInvitationRepository(manager), orgSubject(manager), { invitationId, userId: user.id, decision })),
    );
  }

  private async find(id: string): Promise<OrganisationEntity> {
    const org = await this.orgs.byId(id);
    if (!org) throw new NotFound('Organisation');
    return org;
  }

  private get orgs(): OrgRepository {
    return new OrgRepository(connectionManager(this.dataSource));
  }
}
