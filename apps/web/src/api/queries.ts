import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { Bid, BidRevision, BidSummary, ChallengeBids, ChallengeVersion, Digest, Invitation, MembershipPeriod, Organisation, Team, TeamSummary } from './types';

/** Read hooks for the organisations, teams and bids routes; keys are shared with the actions that change them. */
export const keys = {
  orgs: (filter: Record<string, boolean | undefined>) => ['orgs', filter] as const,
  teams: (filter: Record<string, string | boolean | undefined>) => ['teams', filter] as const,
  team: (id: string) => ['team', id] as const,
  bids: ['bids'] as const,
  bid: (id: string) => ['bid', id] as const,
  challengeBids: (challengeId: string) => ['challenge-bids', challengeId] as const,
  myInvitations: ['me', 'invitations'] as const,
};

/** My invitations to teams and organisations, pending first (refetched every minute: an invitation may arrive any time). */
export const useMyInvitations = (enabled: boolean) =>
  useQuery({ queryKey: keys.myInvitations, queryFn: () => api.get<Invitation[]>('/api/me/invitations'), enabled, refetchInterval: 60_000 });

export const useOrgs = (filter: { mine?: boolean; verified?: boolean }) =>
  useQuery({ queryKey: keys.orgs(filter), queryFn: () => api.get<Organisation[]>(`/api/orgs${query(filter)}`) });

export const useTeams = (filter: { mine?: boolean; q?: string }, enabled = true) =>
  useQuery({ queryKey: keys.teams(filter), queryFn: () => api.get<TeamSummary[]>(`/api/teams${query(filter)}`), enabled });

export const useTeam = (id: string | undefined) =>
  useQuery({ queryKey: keys.team(id ?? ''), queryFn: () => api.get<Team>(`/api/teams/${id}`), enabled: Boolean(id) });

export const useTeamHistory = (id: string) =>
  useQuery({ queryKey: [...keys.team(id), 'history'], queryFn: () => api.get<MembershipPeriod[]>(`/api/teams/${id}/history`) });

export const useMyBids = () => useQuery({ queryKey: keys.bids, queryFn: () => api.get<BidSummary[]>('/api/bids?mine=true') });

export const useBid = (id: string | undefined) =>
  useQuery({ queryKey: keys.bid(id ?? ''), queryFn: () => api.get<Bid>(`/api/bids/${id}`), enabled: Boolean(id) });

export const useBidRevisions = (id: string) =>
  useQuery({ queryKey: [...keys.bid(id), 'revisions'], queryFn: () => api.get<BidRevision[]>(`/api/bids/${id}/revisions`) });

/** A challenge's bids; nothing is asked before a challenge is chosen (an empty id). */
export const useChallengeBids = (challengeId: string) =>
  useQuery({ queryKey: keys.challengeBids(challengeId), queryFn: () => api.get<ChallengeBids>(`/api/challenges/${challengeId}/bids`), enabled: challengeId !== '' });

export const useDigest = (challengeId: string, enabled: boolean) =>
  useQuery({ queryKey: [...keys.challengeBids(challengeId), 'digest'], queryFn: () => api.get<Digest>(`/api/challenges/${challengeId}/bids/digest`), enabled });

export const useVersions = (challengeId: string) =>
  useQuery({
    queryKey: ['challenge', challengeId, 'versions'],
    queryFn: () => api.get<ChallengeVersion[]>(`/api/challenges/${challengeId}/versions`),
  });
