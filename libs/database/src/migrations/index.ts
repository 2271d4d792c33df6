import { Foundation1795832530520 } from './1795832530520-Foundation';
import { ChallengesAndBids1795834574668 } from './1795834574668-ChallengesAndBids';
import { ChallengeIntegrity1795834915549 } from './1795834915549-ChallengeIntegrity';
import { Evaluation1795834935658 } from './1795834935658-Evaluation';
import { BiddingIntegrity1795834951419 } from './1795834951419-BiddingIntegrity';
import { SessionRevocation1795900000000 } from './1795900000000-SessionRevocation';
import { OutboxHygiene1795910000000 } from './1795910000000-OutboxHygiene';
import { TwoEnvelopes1795920000000 } from './1795920000000-TwoEnvelopes';
import { MembershipByConsent1795940000000 } from './1795940000000-MembershipByConsent';
import { PanelDraw1795950000000 } from './1795950000000-PanelDraw';
import { OrganisationIdentity1795960000000 } from './1795960000000-OrganisationIdentity';

/** Every migration, oldest first. */
export const MIGRATIONS: (new () => object)[] = [Foundation1795832530520, ChallengesAndBids1795834574668, ChallengeIntegrity1795834915549, Evaluation1795834935658, BiddingIntegrity1795834951419, SessionRevocation1795900000000, OutboxHygiene1795910000000, TwoEnvelopes1795920000000, MembershipByConsent1795940000000, PanelDraw1795950000000, OrganisationIdentity1795960000000];
