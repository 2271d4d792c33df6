import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { Challenge, ChallengePage, ChallengeStatus, IndustryField, Question } from './types';

export interface ChallengeFilters {
  q?: string;
  field?: IndustryField;
  status?: ChallengeStatus;
  mine?: boolean;
}

/** The cursor-paged challenge list; each page asks for the next with the previous page's cursor. */
export function useChallengePages(filters: ChallengeFilters) {
  return useInfiniteQuery({
    queryKey: ['challenges', filters],
    queryFn: ({ pageParam }) => api.get<ChallengePage>(`/api/challenges${query({ ...filters, limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useChallenge(id: string, enabled = true) {
  return useQuery({ queryKey: ['challenge', id], queryFn: () => api.get<Challenge>(`/api/challenges/${id}`), enabled });
}

export function useQuestions(challengeId: string) {
  return useQuery({ queryKey: ['questions', challengeId], queryFn: () => api.get<Question[]>(`/api/challenges/${challengeId}/questions`) });
}
