/**
 * Generated from the platform's OpenAPI document (/api/docs) by `npm run contract`: do not edit.
 * Change the controllers' and DTOs' decorators, then run `npm run contract` again.
 */

export interface paths {
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register an account */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new session */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (revokes the refresh token) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and their organisations */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organisations */
        get: operations["OrgsController_list"];
        put?: never;
        /** Create an organisation */
        post: operations["OrgsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation */
        get: operations["OrgsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify an organisation */
        post: operations["OrgsController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation's members */
        get: operations["OrgsController_members"];
        put?: never;
        /**
         * Invite a registered user to join an organisation
         * @description Nobody joins without accepting: the invitee answers with POST /api/invitations/{id}/accept or decline.
         */
        post: operations["OrgsController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation's invitations */
        get: operations["OrgsController_invitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search users */
        get: operations["UsersController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The outbox consumers' progress */
        get: operations["OutboxAdminController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events a consumer gave up on */
        get: operations["OutboxAdminController_deadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox/dead-letters/{consumer}/{eventId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a dead letter */
        post: operations["OutboxAdminController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List challenges */
        get: operations["ChallengesController_list"];
        put?: never;
        /** Create a challenge draft */
        post: operations["ChallengesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A challenge */
        get: operations["ChallengesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a challenge draft */
        patch: operations["ChallengesController_update"];
        trace?: never;
    };
    "/api/challenges/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a challenge for review */
        post: operations["ChallengesController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a challenge */
        post: operations["ChallengesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a challenge in review */
        post: operations["ChallengesController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a challenge */
        post: operations["ChallengesController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Amend a published challenge */
        post: operations["ChallengesController_amend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A challenge's published versions */
        get: operations["ChallengesController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List experts */
        get: operations["ExpertsController_list"];
        put?: never;
        /** Register an expert */
        post: operations["ExpertsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An expert */
        get: operations["ExpertsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/draws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Commit a panel draw for a closed challenge */
        post: operations["PanelDrawsController_commit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/draws/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a committed panel draw */
        post: operations["PanelDrawsController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/draws/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A panel draw, with what it takes to replay it */
        get: operations["PanelDrawsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List evaluation rooms */
        get: operations["RoomsController_list"];
        put?: never;
        /** Convene an evaluation room */
        post: operations["RoomsController_convene"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/panel/{judgeId}/replace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a drawn judge by the next unused alternate of the draw */
        post: operations["RoomsController_replace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/convening-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What convening a challenge with these judges would warn the bureau of */
        get: operations["RoomsController_conveningCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A room's snapshot */
        get: operations["RoomsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A room's declarations */
        get: operations["RoomsController_declarations"];
        put?: never;
        /** Declare conflicts of interest for a room */
        post: operations["RoomsController_declare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/bids/{bidId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bid as the room sees it */
        get: operations["RoomsController_bid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A room's objections */
        get: operations["RoomsController_objections"];
        put?: never;
        /** Raise an objection in a room */
        post: operations["RoomsController_object"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/objections/{objectionId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an objection */
        post: operations["RoomsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A room's audit log */
        get: operations["RecordController_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a room's audit chain */
        get: operations["RecordController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A room's evaluation report (JSON or CSV) */
        get: operations["RecordController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}/leniency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The panel's leniency in a room */
        get: operations["RecordController_leniency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evaluation feedback on a bid */
        get: operations["RecordController_feedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: every dependency probed, within about a second */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A challenge's questions */
        get: operations["QuestionsController_list"];
        put?: never;
        /** Ask a question on a challenge */
        post: operations["QuestionsController_ask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/questions/{qid}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a question */
        post: operations["QuestionsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/nda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a challenge's NDA */
        post: operations["NdaController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams */
        get: operations["TeamsController_list"];
        put?: never;
        /** Create a team (its creator leads it) */
        post: operations["TeamsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team with its members */
        get: operations["TeamsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team's membership history */
        get: operations["TeamsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a registered user to join a team
         * @description Nobody joins without accepting: the invitee answers with POST /api/invitations/{id}/accept or decline.
         */
        post: operations["TeamsController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team's invitations */
        get: operations["TeamsController_invitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from a team (or leave it) */
        delete: operations["TeamsController_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My invitations to teams and organisations */
        get: operations["InvitationsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: the membership begins now */
        post: operations["InvitationsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation */
        post: operations["InvitationsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a pending invitation (a lead of the team, an owner of the organisation) */
        post: operations["InvitationsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/bids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A challenge's bids, as the caller may see them */
        get: operations["ChallengeBidsController_list"];
        put?: never;
        /** Submit a sealed bid on a challenge */
        post: operations["ChallengeBidsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/challenges/{id}/bids/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A challenge's bid digest */
        get: operations["ChallengeBidsController_digest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bids of my teams */
        get: operations["BidsController_listMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bid */
        get: operations["BidsController_get"];
        /** Revise a bid */
        put: operations["BidsController_revise"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bid's revisions */
        get: operations["BidsController_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a bid */
        post: operations["BidsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/shortlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shortlist a bid, or take it off the shortlist */
        post: operations["BidsController_shortlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RegisterDto: {
            /** @example li.wei@example.cn */
            email: string;
            /** @description Any characters; not one of the 10,000 most common passwords, and not containing the email or the display name */
            password: string;
            /** @example 李伟 */
            displayName: string;
            /**
             * @default zh-CN
             * @enum {string}
             */
            locale: "zh-CN" | "en";
        };
        UserView: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            roles: ("ADMIN" | "JUDGE")[];
            createdAt: string;
        };
        SessionView: {
            accessToken: string;
            refreshToken: string;
            /** @example Bearer */
            tokenType: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            user: components["schemas"]["UserView"];
        };
        LoginDto: {
            email: string;
            password: string;
        };
        RefreshDto: {
            /** @description The refresh token from login, register or the last refresh */
            refreshToken: string;
        };
        MembershipView: {
            /** Format: uuid */
            orgId: string;
            name: string;
            /** @enum {string} */
            kind: "ENTERPRISE" | "UNIVERSITY" | "INSTITUTE" | "COMPANY";
            /** @enum {string} */
            role: "OWNER" | "MEMBER";
            verified: boolean;
        };
        MeView: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            roles: ("ADMIN" | "JUDGE")[];
            createdAt: string;
            organisations: components["schemas"]["MembershipView"][];
            /** @description Verified enterprise organisations this user acts for */
            enterpriseOrgIds: string[];
        };
        CreateOrgDto: {
            /** @example 昆明高新传感科技有限公司 */
            name: string;
            /** @enum {string} */
            kind: "ENTERPRISE" | "UNIVERSITY" | "INSTITUTE" | "COMPANY";
            /**
             * @description ISO 3166-1 alpha-2 country code
             * @example CN
             */
            country: string;
            /**
             * @description 统一社会信用代码; required for Chinese enterprises and companies
             * @example 91350100M000100Y43
             */
            creditCode?: string;
        };
        OrgView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "ENTERPRISE" | "UNIVERSITY" | "INSTITUTE" | "COMPANY";
            country: string;
            creditCode: string | null;
            /**
             * Format: uuid
             * @description Admins only: the earlier, unverified organisation with the same identity (credit code, or normalised name and country) this one was registered beside
             */
            duplicateOf?: string | null;
            verified: boolean;
            verifiedAt: string | null;
            createdAt: string;
        };
        OrgMemberView: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            email: string;
            /** @enum {string} */
            role: "OWNER" | "MEMBER";
        };
        AddOrgMemberDto: {
            /**
             * @description Email of a registered user, who is invited
             * @example wang.fang@example.cn
             */
            email: string;
        };
        InvitationView: {
            /** Format: uuid */
            id: string;
            /**
             * @description What the invitee is invited to join
             * @enum {string}
             */
            kind: "TEAM" | "ORGANISATION";
            /**
             * Format: uuid
             * @description The team (kind TEAM)
             */
            teamId: string | null;
            /**
             * Format: uuid
             * @description The organisation (kind ORGANISATION)
             */
            orgId: string | null;
            /** @description Name of the team or the organisation */
            name: string;
            /**
             * @description The role the membership will have (organisations: MEMBER)
             * @enum {string}
             */
            role: "LEAD" | "MEMBER";
            /** Format: uuid */
            inviteeId: string;
            inviteeName: string;
            /** Format: uuid */
            invitedById: string;
            invitedByName: string;
            /** @description Database clock */
            invitedAt: string;
            /**
             * @description Only ACCEPTED made a membership, which began at decidedAt
             * @enum {string}
             */
            status: "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED";
            /**
             * Format: uuid
             * @description The invitee (accepted, declined) or who revoked it
             */
            decidedById: string | null;
            /** @description null while pending */
            decidedAt: string | null;
        };
        UserOrgView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "ENTERPRISE" | "UNIVERSITY" | "INSTITUTE" | "COMPANY";
            verified: boolean;
        };
        UserSummaryView: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            roles: ("ADMIN" | "JUDGE")[];
            /** @description The organisations the user is a member of */
            organisations: components["schemas"]["UserOrgView"][];
        };
        OutboxConsumerView: {
            /** @example bidding.challenge-closed */
            consumer: string;
            /** @description Handled events still kept (older ones are pruned after OUTBOX_RETENTION_HOURS) */
            handled: number;
            /** @description Events of its types not handled yet (dead letters excluded) */
            pending: number;
            /** @description Pending events that failed and wait for their next attempt */
            retrying: number;
            /** @description Dead letters: events that failed OUTBOX_MAX_ATTEMPTS times */
            dead: number;
            /** Format: date-time */
            oldestPendingAt: string | null;
        };
        DeadLetterView: {
            consumer: string;
            /** @example 1042 */
            eventId: string;
            /** @example challenge.closed */
            type: string;
            /** Format: date-time */
            occurredAt: string;
            attempts: number;
            /** @description The last failure, cut at 2,000 characters */
            lastError: string;
            /** Format: date-time */
            deadAt: string;
        };
        IndicatorDto: {
            /** @example 测量精度 */
            name: string;
            /**
             * @description The target value
             * @example ≤ 0.1
             */
            target: string;
            /**
             * @description Unit of the target; empty for a dimensionless one
             * @example %FS
             */
            unit: string;
            /**
             * @description How it is measured
             * @example 第三方检测机构按 GB/T 15478 测试
             */
            measurement: string;
        };
        CriterionDto: {
            /**
             * @description Short slug, unique in the rubric
             * @example feasibility
             */
            key: string;
            /** @example 技术方案 */
            name: string;
            /** @example 方案的先进性与可行性 */
            description: string;
            /**
             * @description Percent of the total; the weights of the rubric sum to exactly 100
             * @example 40
             */
            weight: number;
            /**
             * @description Highest score a judge may give on this criterion
             * @example 10
             */
            maxScore: number;
        };
        CreateChallengeDto: {
            /**
             * Format: uuid
             * @description The verified enterprise organisation posting it; required only when you act for more than one
             */
            orgId?: string;
            /** @example 高精度传感器芯片国产化 */
            title: string;
            /** @description Public summary, shown to everyone */
            summary: string;
            /** @description Confidential detail (Markdown): behind the NDA when ndaRequired */
            detail: string;
            /** @enum {string} */
            industryField: "DIGITAL_ECONOMY" | "ADVANCED_MANUFACTURING" | "BIOMEDICINE" | "NEW_MATERIALS" | "GREEN_ENERGY" | "PLATEAU_AGRICULTURE" | "OTHER";
            /**
             * @default []
             * @example [
             *       "传感器",
             *       "MEMS"
             *     ]
             */
            tags: string[];
            /** @description Technical indicators the solution must reach */
            indicators: components["schemas"]["IndicatorDto"][];
            /**
             * @description Reward ceiling in integer fen (1 CNY = 100 fen); no bid may quote more
             * @example 50000000
             */
            rewardFen: number;
            /**
             * @description Number of winners; more than 1 is a horse race (赛马)
             * @default 1
             */
            winners: number;
            /**
             * @description Bidding opens (ISO 8601 with time zone)
             * @example 2025-06-01T00:00:00Z
             */
            opensAt: string;
            /**
             * @description Bidding closes, by the server clock; after opensAt, and at least 24 h after it to be published
             * @example 2025-06-30T16:00:00Z
             */
            closesAt: string;
            /**
             * @default OPEN
             * @enum {string}
             */
            eligibility: "OPEN" | "INVITE_ONLY";
            /**
             * @description Invited teams (INVITE_ONLY)
             * @default []
             */
            invitedTeamIds: string[];
            /**
             * @description Invited organisations: all their members may see and bid (INVITE_ONLY)
             * @default []
             */
            invitedOrgIds: string[];
            /**
             * @description TRANSFER to the enterprise, SHARED, or LICENCE to it
             * @enum {string}
             */
            ipTerms: "TRANSFER" | "SHARED" | "LICENCE";
            /**
             * @description The detail is shown to a team only after its lead accepted the NDA
             * @default false
             */
            ndaRequired: boolean;
            /**
             * @description Points out of 100 a bid needs to be able to win
             * @default 60
             */
            passMark: number;
            /** @description Evaluation rubric; weights sum to exactly 100 */
            rubric: components["schemas"]["CriterionDto"][];
        };
        IndicatorView: {
            name: string;
            target: string;
            unit: string;
            measurement: string;
        };
        CriterionView: {
            key: string;
            name: string;
            description: string;
            weight: number;
            maxScore: number;
        };
        NdaAcceptanceView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            challengeId: string;
            /** Format: uuid */
            teamId: string;
            /**
             * Format: uuid
             * @description The team lead who accepted
             */
            userId: string;
            /** @description The challenge version the NDA was accepted on */
            version: number;
            acceptedAt: string;
        };
        ChallengeView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orgId: string;
            orgName: string;
            /**
             * @description As of the database clock: PUBLISHED past closesAt reads CLOSED
             * @enum {string}
             */
            status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "REJECTED" | "CLOSED" | "EVALUATING" | "AWARDED" | "IN_DELIVERY" | "COMPLETED" | "FAILED" | "CANCELLED";
            version: number;
            title: string;
            summary: string;
            /** @enum {string} */
            industryField: "DIGITAL_ECONOMY" | "ADVANCED_MANUFACTURING" | "BIOMEDICINE" | "NEW_MATERIALS" | "GREEN_ENERGY" | "PLATEAU_AGRICULTURE" | "OTHER";
            tags: string[];
            /** @description Reward ceiling in fen */
            rewardFen: number;
            winners: number;
            opensAt: string;
            closesAt: string;
            /** @enum {string} */
            eligibility: "OPEN" | "INVITE_ONLY";
            /** @enum {string} */
            ipTerms: "TRANSFER" | "SHARED" | "LICENCE";
            ndaRequired: boolean;
            publishedAt: string | null;
            createdAt: string;
            /** @description Confidential detail; null when detailVisible is false */
            detail: string | null;
            /** @description Whether the caller may read the detail (see ndaRequired) */
            detailVisible: boolean;
            /** @description PUBLISHED, opened and not yet closed, by the database clock */
            biddingOpen: boolean;
            indicators: components["schemas"]["IndicatorView"][];
            rubric: components["schemas"]["CriterionView"][];
            passMark: number;
            /** @description Owner organisation and admins only */
            invitedTeamIds: string[] | null;
            /** @description Owner organisation and admins only */
            invitedOrgIds: string[] | null;
            /** @description The bureau's last rejection; owner organisation and admins only */
            rejectionReason: string | null;
            cancellationReason: string | null;
            /** @description NDA acceptances of the caller's teams */
            ndaAcceptances: components["schemas"]["NdaAcceptanceView"][];
            /** @description Answered clarification questions */
            answeredQuestions: number;
            submittedAt: string | null;
            closedAt: string | null;
            updatedAt: string;
        };
        ChallengeListItemView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orgId: string;
            orgName: string;
            /**
             * @description As of the database clock: PUBLISHED past closesAt reads CLOSED
             * @enum {string}
             */
            status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "REJECTED" | "CLOSED" | "EVALUATING" | "AWARDED" | "IN_DELIVERY" | "COMPLETED" | "FAILED" | "CANCELLED";
            version: number;
            title: string;
            summary: string;
            /** @enum {string} */
            industryField: "DIGITAL_ECONOMY" | "ADVANCED_MANUFACTURING" | "BIOMEDICINE" | "NEW_MATERIALS" | "GREEN_ENERGY" | "PLATEAU_AGRICULTURE" | "OTHER";
            tags: string[];
            /** @description Reward ceiling in fen */
            rewardFen: number;
            winners: number;
            opensAt: string;
            closesAt: string;
            /** @enum {string} */
            eligibility: "OPEN" | "INVITE_ONLY";
            /** @enum {string} */
            ipTerms: "TRANSFER" | "SHARED" | "LICENCE";
            ndaRequired: boolean;
            publishedAt: string | null;
            createdAt: string;
        };
        ChallengePageView: {
            items: components["schemas"]["ChallengeListItemView"][];
            /** @description Pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
        };
        UpdateChallengeDto: {
            /** @example 高精度传感器芯片国产化 */
            title?: string;
            /** @description Public summary, shown to everyone */
            summary?: string;
            /** @description Confidential detail (Markdown): behind the NDA when ndaRequired */
            detail?: string;
            /** @enum {string} */
            industryField?: "DIGITAL_ECONOMY" | "ADVANCED_MANUFACTURING" | "BIOMEDICINE" | "NEW_MATERIALS" | "GREEN_ENERGY" | "PLATEAU_AGRICULTURE" | "OTHER";
            /**
             * @default []
             * @example [
             *       "传感器",
             *       "MEMS"
             *     ]
             */
            tags: string[];
            /** @description Technical indicators the solution must reach */
            indicators?: components["schemas"]["IndicatorDto"][];
            /**
             * @description Reward ceiling in integer fen (1 CNY = 100 fen); no bid may quote more
             * @example 50000000
             */
            rewardFen?: number;
            /**
             * @description Number of winners; more than 1 is a horse race (赛马)
             * @default 1
             */
            winners: number;
            /**
             * @description Bidding opens (ISO 8601 with time zone)
             * @example 2025-06-01T00:00:00Z
             */
            opensAt?: string;
            /**
             * @description Bidding closes, by the server clock; after opensAt, and at least 24 h after it to be published
             * @example 2025-06-30T16:00:00Z
             */
            closesAt?: string;
            /**
             * @default OPEN
             * @enum {string}
             */
            eligibility: "OPEN" | "INVITE_ONLY";
            /**
             * @description Invited teams (INVITE_ONLY)
             * @default []
             */
            invitedTeamIds: string[];
            /**
             * @description Invited organisations: all their members may see and bid (INVITE_ONLY)
             * @default []
             */
            invitedOrgIds: string[];
            /**
             * @description TRANSFER to the enterprise, SHARED, or LICENCE to it
             * @enum {string}
             */
            ipTerms?: "TRANSFER" | "SHARED" | "LICENCE";
            /**
             * @description The detail is shown to a team only after its lead accepted the NDA
             * @default false
             */
            ndaRequired: boolean;
            /**
             * @description Points out of 100 a bid needs to be able to win
             * @default 60
             */
            passMark: number;
            /** @description Evaluation rubric; weights sum to exactly 100 */
            rubric?: components["schemas"]["CriterionDto"][];
        };
        RejectChallengeDto: {
            /** @description The bureau's reason, shown to the enterprise */
            reason: string;
        };
        CancelChallengeDto: {
            /** @description Required to cancel a published challenge; sent to its bidders */
            reason?: string;
        };
        AmendChallengeDto: {
            /** @example 高精度传感器芯片国产化 */
            title?: string;
            /** @description Public summary, shown to everyone */
            summary?: string;
            /** @description Confidential detail (Markdown): behind the NDA when ndaRequired */
            detail?: string;
            /** @enum {string} */
            industryField?: "DIGITAL_ECONOMY" | "ADVANCED_MANUFACTURING" | "BIOMEDICINE" | "NEW_MATERIALS" | "GREEN_ENERGY" | "PLATEAU_AGRICULTURE" | "OTHER";
            /**
             * @default []
             * @example [
             *       "传感器",
             *       "MEMS"
             *     ]
             */
            tags: string[];
            /** @description Technical indicators the solution must reach */
            indicators?: components["schemas"]["IndicatorDto"][];
            /**
             * @description Reward ceiling in integer fen (1 CNY = 100 fen); no bid may quote more
             * @example 50000000
             */
            rewardFen?: number;
            /**
             * @description Number of winners; more than 1 is a horse race (赛马)
             * @default 1
             */
            winners: number;
            /**
             * @description Bidding opens (ISO 8601 with time zone)
             * @example 2025-06-01T00:00:00Z
             */
            opensAt?: string;
            /**
             * @description Bidding closes, by the server clock; after opensAt, and at least 24 h after it to be published
             * @example 2025-06-30T16:00:00Z
             */
            closesAt?: string;
            /**
             * @default OPEN
             * @enum {string}
             */
            eligibility: "OPEN" | "INVITE_ONLY";
            /**
             * @description Invited teams (INVITE_ONLY)
             * @default []
             */
            invitedTeamIds: string[];
            /**
             * @description Invited organisations: all their members may see and bid (INVITE_ONLY)
             * @default []
             */
            invitedOrgIds: string[];
            /**
             * @description TRANSFER to the enterprise, SHARED, or LICENCE to it
             * @enum {string}
             */
            ipTerms?: "TRANSFER" | "SHARED" | "LICENCE";
            /**
             * @description The detail is shown to a team only after its lead accepted the NDA
             * @default false
             */
            ndaRequired: boolean;
            /**
             * @description Points out of 100 a bid needs to be able to win
             * @default 60
             */
            passMark: number;
            /** @description Evaluation rubric; weights sum to exactly 100 */
            rubric?: components["schemas"]["CriterionDto"][];
            /** @description What changed and why; shown to bidders with the new version */
            changeNote: string;
        };
        ChallengeTermsView: {
            title: string;
            summary: string;
            /** @description null when the caller may not read the detail */
            detail: string | null;
            /** @enum {string} */
            industryField: "DIGITAL_ECONOMY" | "ADVANCED_MANUFACTURING" | "BIOMEDICINE" | "NEW_MATERIALS" | "GREEN_ENERGY" | "PLATEAU_AGRICULTURE" | "OTHER";
            tags: string[];
            indicators: components["schemas"]["IndicatorView"][];
            rewardFen: number;
            winners: number;
            opensAt: string;
            closesAt: string;
            /** @enum {string} */
            eligibility: "OPEN" | "INVITE_ONLY";
            invitedTeamIds: string[] | null;
            invitedOrgIds: string[] | null;
            /** @enum {string} */
            ipTerms: "TRANSFER" | "SHARED" | "LICENCE";
            ndaRequired: boolean;
            passMark: number;
            rubric: components["schemas"]["CriterionView"][];
        };
        ChallengeVersionView: {
            version: number;
            /** @description null for version 1 (the publication) */
            changeNote: string | null;
            createdAt: string;
            terms: components["schemas"]["ChallengeTermsView"];
        };
        CreateExpertDto: {
            /**
             * Format: uuid
             * @description The registered user who joins the pool; they are given the JUDGE role
             */
            userId: string;
            /** @example 教授级高级工程师 */
            title: string;
            /**
             * @description 1 to 20 fields of expertise
             * @example [
             *       "智能制造",
             *       "industrial sensors"
             *     ]
             */
            fields: string[];
            /**
             * Format: uuid
             * @description The organisation the expert works for (drives automatic recusal)
             */
            affiliationOrgId?: string;
            bio?: string;
        };
        AffiliationView: {
            /** Format: uuid */
            orgId: string;
            name: string;
        };
        ExpertView: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            email: string;
            title: string;
            fields: string[];
            affiliation: components["schemas"]["AffiliationView"] | null;
            bio: string;
            createdAt: string;
        };
        CreateDrawDto: {
            /**
             * Format: uuid
             * @description A challenge whose bidding has closed and that has no room yet
             */
            challengeId: string;
            /**
             * @description The panel: an odd number of judges
             * @example 5
             */
            size: number;
            /**
             * @description 1 to 20 fields: an expert with at least one of them (whole field, any case) is eligible
             * @example [
             *       "智能制造"
             *     ]
             */
            fields: string[];
            /**
             * @description Ordered alternates drawn after the panel
             * @example 2
             */
            alternates: number;
        };
        DrawExclusionReasonView: {
            /** @enum {string} */
            reason: "NO_REQUESTED_FIELD" | "KEY_PERSONNEL" | "TEAM_MEMBER" | "SAME_ORGANISATION" | "ROOM_CAP_REACHED";
            /**
             * Format: uuid
             * @description The shortlisted bid the expert conflicts with
             */
            bidId?: string;
        };
        DrawExclusionView: {
            /** Format: uuid */
            userId: string;
            reasons: components["schemas"]["DrawExclusionReasonView"][];
        };
        DrawView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            challengeId: string;
            /**
             * @description COMMITTED: the commitment is published, the result unknown; RUN: drawn, the seed revealed
             * @enum {string}
             */
            status: "COMMITTED" | "RUN";
            size: number;
            /** @description How many ordered alternates are drawn */
            alternates: number;
            fields: string[];
            /** @description PANEL_CAP_ROOMS when the draw was committed */
            capRooms: number;
            /** @description PANEL_CAP_DAYS when the draw was committed */
            capDays: number;
            /** @description SHA-256 of the seed’s 32 bytes, hex: published before the draw is run */
            seedHash: string;
            /** @description SHA-256 of the pool’s ids, each followed by a newline, in canonical order */
            poolHash: string;
            poolSize: number;
            /** @description The eligible experts’ user ids in canonical order (ascending): what is drawn from. Null for parties other than admins until the room is finalised */
            pool: string[] | null;
            /** @description The experts of the pool left out, with why (null as pool) */
            exclusions: components["schemas"]["DrawExclusionView"][] | null;
            /** @description 32 bytes, hex: null until run (and, for parties other than admins, until the room is finalised) */
            seed: string | null;
            /** @description The drawn panel in order (null as seed) */
            panel: string[] | null;
            /** @description The drawn alternates in order (null as seed) */
            drawnAlternates: string[] | null;
            /** Format: date-time */
            committedAt: string;
            /** Format: date-time */
            ranAt: string | null;
            /**
             * Format: uuid
             * @description The room convened from this draw
             */
            roomId: string | null;
        };
        RoomSlotDto: {
            /**
             * Format: uuid
             * @description A SHORTLISTED bid on the challenge
             */
            bidId: string;
            /** @example 15 */
            presentationMinutes: number;
            /** @example 10 */
            qaMinutes: number;
        };
        ConveneRoomDto: {
            /**
             * Format: uuid
             * @description A challenge whose bidding has closed
             */
            challengeId: string;
            /** @description Hand-picked: an odd number of experts, 3 to 15, in panel order, with handPickedReason. Not with drawId */
            judgeIds?: string[];
            /**
             * Format: uuid
             * @description Drawn: a run draw of this challenge (POST /api/rooms/draws); the panel is its panel, in order. Not with judgeIds
             */
            drawId?: string;
            /** @description Required with judgeIds: why the panel is hand-picked instead of drawn (kept in the record and the report) */
            handPickedReason?: string;
            /** @description Required when convening has warnings that need acknowledging (GET /api/rooms/convening-check): the bureau’s reason for going ahead, kept in room.convened */
            warningsAcknowledged?: string;
            /**
             * Format: uuid
             * @description One of the judges, or an admin
             */
            chairUserId: string;
            /** @description Every shortlisted bid of the challenge, in presentation order */
            bids: components["schemas"]["RoomSlotDto"][];
            /**
             * @default TRIMMED_MEAN
             * @enum {string}
             */
            aggregation: "TRIMMED_MEAN" | "MEAN" | "MEDIAN";
            /** @description Length of the objection window (公示期) after the reveal, in minutes */
            objectionWindowMinutes: number;
            /**
             * @description SINGLE: every criterion scored at once. TWO (技术标/商务标): the technical criteria first with the prices sealed, then the chair opens the prices (prices:open)
             * @default SINGLE
             * @enum {string}
             */
            envelopes: "SINGLE" | "TWO";
            /** @description With TWO only, required: the key of the rubric criterion scored on the price */
            priceCriterionKey?: string;
            /**
             * @description With TWO only, required: FORMULA (maxScore × lowest price / price, over the room’s bids) or JUDGES (the judges score the price once it is open)
             * @enum {string}
             */
            priceScoring?: "FORMULA" | "JUDGES";
        };
        RoomChallengeRefView: {
            /** Format: uuid */
            id: string;
            title: string;
        };
        RoomCriterionView: {
            key: string;
            name: string;
            description: string;
            weight: number;
            maxScore: number;
        };
        RoomTimerView: {
            /** Format: uuid */
            bidId: string;
            /** @enum {string} */
            phase: "PRESENTATION" | "QA";
            durationMs: number;
            running: boolean;
            /** @description When the countdown was last (re)started, by the database clock; null while paused */
            startedAt: string | null;
            /** @description What is left at serverTime */
            remainingMs: number;
        };
        RoomPanelMemberView: {
            /**
             * @description The seat's pseudonym by panel position, the same for every audience
             * @example A
             */
            label: string;
            /** @description The judge's user id; for observers before the room is FINALIZED, the seat label */
            userId: string;
            /** @description Null for observers before the room is FINALIZED */
            displayName: string | null;
            chair: boolean;
            declared: boolean;
        };
        RoomBidSlotView: {
            /** Format: uuid */
            bidId: string;
            /** @enum {string} */
            state: "PENDING" | "PRESENTING" | "LOCKED";
            /** @description Judges with a standing score on this bid (who, never how much); seat labels for observers before the room is FINALIZED */
            scoredBy: string[];
            /** @description Always empty for observers before the room is FINALIZED */
            recusedJudgeIds: string[];
            /** @description Panel judges not recused from this bid */
            eligibleJudges: number;
            position: number;
            /** Format: uuid */
            teamId: string;
            teamName: string;
            presentationMinutes: number;
            qaMinutes: number;
            presentedAt: string | null;
            lockedAt: string | null;
        };
        RoomObjectionCountView: {
            filed: number;
            open: number;
        };
        RoomOwnScoreView: {
            /** Format: uuid */
            bidId: string;
            /** @description Centi-points by criterion key */
            scores: {
                [key: string]: number;
            };
            total: number;
            /** @example 78.00 */
            totalPoints: string;
            comment: string | null;
            updatedAt: string;
        };
        RoomOwnDeclarationView: {
            /** Format: uuid */
            bidId: string;
            conflict: boolean;
            reason: string | null;
        };
        RoomJudgeTotalView: {
            /** Format: uuid */
            judgeId: string;
            total: number;
        };
        RoomOutlierFlagView: {
            /** Format: uuid */
            judgeId: string;
            total: number;
            median: number;
            deviation: number;
        };
        RoomAggregateView: {
            /** Format: uuid */
            bidId: string;
            /** @description The panel score by the room's aggregation; null before anyone scored */
            panelScore: number | null;
            scoredBy: number;
            totals: components["schemas"]["RoomJudgeTotalView"][];
            flags: components["schemas"]["RoomOutlierFlagView"][];
        };
        RoomFlaggedBidView: {
            /** Format: uuid */
            bidId: string;
            /** @description The recused judges whose scores stand on the bid */
            judgeIds: string[];
        };
        RoomRankingEntryView: {
            /** Format: uuid */
            bidId: string;
            rank: number;
            teamName: string;
            panelScore: number | null;
            /** @example 78.00 */
            panelPoints: string | null;
            eligible: boolean;
            awarded: boolean;
            scoredBy: number;
            /** @description Chair only (never while a two-envelope room’s prices are sealed) */
            quotedPriceFen?: number;
        };
        ConveningWarningView: {
            /**
             * @description TEAM_WITHOUT_ORGANISATION is for information; the others need warningsAcknowledged to convene
             * @enum {string}
             */
            kind: "TEAM_WITHOUT_ORGANISATION" | "TEAM_ORGANISATION_UNVERIFIED" | "AFFILIATION_NEAR_MATCH";
            /** Format: uuid */
            bidId: string;
            /** Format: uuid */
            teamId?: string;
            teamName?: string;
            /**
             * Format: uuid
             * @description TEAM_ORGANISATION_UNVERIFIED: the team’s organisation
             */
            orgId?: string;
            orgName?: string;
            /**
             * Format: uuid
             * @description AFFILIATION_NEAR_MATCH: the judge
             */
            judgeId?: string;
            /** @enum {string} */
            reason?: "SAME_NAME" | "SIMILAR_NAME" | "NAME_CONTAINED";
            /** Format: uuid */
            affiliationOrgId?: string;
            affiliationName?: string;
            /** Format: uuid */
            teamOrgId?: string;
            teamOrgName?: string;
        };
        RoomSnapshotView: {
            /** Format: uuid */
            roomId: string;
            version: number;
            /** @description The database clock when the snapshot was taken (for the countdown’s clock offset) */
            serverTime: string;
            /** @enum {string} */
            audience: "CHAIR" | "JUDGE" | "OBSERVER";
            /** @enum {string} */
            status: "CONVENED" | "OPEN" | "REVEALED" | "FINALIZED";
            challenge: components["schemas"]["RoomChallengeRefView"];
            /** @description For observers before the room is FINALIZED: the chair's seat label when the chair is on the panel, else null */
            chairUserId: string | null;
            /** @enum {string} */
            aggregation: "TRIMMED_MEAN" | "MEAN" | "MEDIAN";
            passMark: number;
            winners: number;
            objectionWindowMinutes: number;
            /** @description The frozen rubric */
            rubric: components["schemas"]["RoomCriterionView"][];
            /**
             * @description SINGLE: every criterion at once; TWO: technical criteria first, prices sealed until prices:open
             * @enum {string}
             */
            envelopes: "SINGLE" | "TWO";
            /** @description TWO: the price criterion; null with SINGLE */
            priceCriterionKey: string | null;
            /**
             * @description TWO: how the price criterion is scored; null with SINGLE
             * @enum {string|null}
             */
            priceScoring: "FORMULA" | "JUDGES" | null;
            /** @description TWO: when the prices were opened (database clock) */
            pricesOpenedAt: string | null;
            openedAt: string | null;
            revealedAt: string | null;
            objectionWindowEndsAt: string | null;
            finalizedAt: string | null;
            currentBidId: string | null;
            timer: components["schemas"]["RoomTimerView"] | null;
            panel: components["schemas"]["RoomPanelMemberView"][];
            /** @description In presentation order */
            bids: components["schemas"]["RoomBidSlotView"][];
            objections: components["schemas"]["RoomObjectionCountView"];
            /** @description Panel judges: their own scores */
            myScores?: components["schemas"]["RoomOwnScoreView"][];
            /** @description Panel judges: bids they are recused from */
            myRecusals?: string[];
            /** @description Panel judges: their own declarations, in presentation order */
            myDeclarations?: components["schemas"]["RoomOwnDeclarationView"][];
            /** @description Chair only: live aggregates and outlier flags */
            aggregates?: components["schemas"]["RoomAggregateView"][];
            /** @description Chair only: bids whose locked result holds the score of a judge recused from them since */
            flagged?: components["schemas"]["RoomFlaggedBidView"][];
            /** @description Everyone, once revealed */
            ranking?: components["schemas"]["RoomRankingEntryView"][];
            /** @description The answer to convening only: the warnings the bureau convened with */
            conveningWarnings?: components["schemas"]["ConveningWarningView"][];
        };
        ReplaceJudgeDto: {
            /**
             * @description Why the judge leaves the panel (declined, became conflicted…)
             * @example 专家因病无法出席
             */
            reason: string;
        };
        ConveningCheckView: {
            /** @description Bid by bid in shortlist order */
            warnings: components["schemas"]["ConveningWarningView"][];
            /** @description Whether convening with these judges needs warningsAcknowledged */
            acknowledgementRequired: boolean;
        };
        RoomSummaryView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            challengeId: string;
            challengeTitle: string;
            /** @enum {string} */
            status: "CONVENED" | "OPEN" | "REVEALED" | "FINALIZED";
            version: number;
            /**
             * Format: uuid
             * @description Null for observers before the room is FINALIZED
             */
            chairUserId: string | null;
            /** @enum {string} */
            audience: "CHAIR" | "JUDGE" | "OBSERVER";
            createdAt: string;
        };
        DeclarationDto: {
            /** Format: uuid */
            bidId: string;
            /** @description true: I have a conflict of interest with this bid and recuse myself */
            conflict: boolean;
            /** @description Required with a conflict */
            reason?: string;
        };
        DeclarationsDto: {
            declarations: components["schemas"]["DeclarationDto"][];
        };
        CommandAckView: {
            /** @description The room version after the command (the version of the room:event it caused) */
            version: number;
            /** @description True when the operation id was already applied: nothing changed */
            replayed?: boolean;
        };
        DeclarationView: {
            /** Format: uuid */
            judgeId: string;
            /** Format: uuid */
            bidId: string;
            conflict: boolean;
            /** @description Recused by the platform (same organisation, team member) */
            automatic: boolean;
            reason: string | null;
            declaredAt: string;
        };
        RoomMilestoneView: {
            title: string;
            dueDay: number;
            deliverable: string;
            paymentBasisPoints: number;
        };
        KeyPersonView: {
            /** Format: uuid */
            userId: string;
            displayName: string;
        };
        RoomBidContentView: {
            /** Format: uuid */
            bidId: string;
            /** Format: uuid */
            teamId: string;
            teamName: string;
            revision: number;
            technicalApproach: string;
            proposal: string;
            /** @description Null while a two-envelope room’s prices are sealed */
            quotedPriceFen: number | null;
            durationDays: number;
            /** @description In order; paymentBasisPoints sum to 10000 */
            milestones: components["schemas"]["RoomMilestoneView"][];
            /** @description The team members the bid names, in its order */
            keyPersonnel: components["schemas"]["KeyPersonView"][];
            contentHash: string;
            receivedAt: string;
        };
        ObjectionDto: {
            /**
             * Format: uuid
             * @description The bid of your team the objection is about
             */
            bidId: string;
            text: string;
        };
        AnswerObjectionDto: {
            answer: string;
        };
        ObjectionView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            bidId: string;
            text: string;
            answer: string | null;
            createdAt: string;
            answeredAt: string | null;
        };
        AuditEntryView: {
            seq: number;
            /** Format: uuid */
            roomId: string;
            /** Format: uuid */
            actorId: string | null;
            /** @example score.submitted */
            action: string;
            payload: {
                [key: string]: unknown;
            };
            /** @description ISO 8601, as hashed */
            at: string;
            /** @description The previous entry’s hash (64 zeros for seq 1) */
            prevHash: string;
            /** @description SHA-256 of prevHash + "\n" + canonical JSON of { seq, roomId, actorId, action, payload, at } */
            hash: string;
        };
        AuditView: {
            /** Format: uuid */
            roomId: string;
            chainHead: string;
            entries: components["schemas"]["AuditEntryView"][];
        };
        VerificationView: {
            /** Format: uuid */
            roomId: string;
            entries: number;
            chainHead: string;
            valid: boolean;
            /** @description The first entry at which the chain does not hold */
            brokenAtSeq: number | null;
            /** @enum {string|null} */
            reason: "SEQ_MISMATCH" | "PREV_HASH_MISMATCH" | "HASH_MISMATCH" | "HEAD_MISMATCH" | null;
        };
        ReportChallengeView: {
            /** Format: uuid */
            id: string;
            title: string;
        };
        ReportCriterionView: {
            key: string;
            name: string;
            weight: number;
            maxScore: number;
        };
        ReportTimestampsView: {
            convenedAt: string;
            openedAt: string | null;
            revealedAt: string | null;
            objectionWindowEndsAt: string | null;
            finalizedAt: string | null;
        };
        ReportPersonView: {
            /** Format: uuid */
            userId: string;
            displayName: string;
        };
        ReportRankingView: {
            rank: number;
            /** Format: uuid */
            bidId: string;
            teamName: string;
            /** @description Centi-points */
            panelScore: number | null;
            /** @example 78.00 */
            panelPoints: string | null;
            eligible: boolean;
            awarded: boolean;
            scoredBy: number;
            /** @description Left out while a two-envelope room’s prices are sealed */
            quotedPriceFen?: number;
            receivedAt: string;
        };
        ReportScoreView: {
            /** Format: uuid */
            bidId: string;
            teamName: string;
            /** Format: uuid */
            judgeId: string;
            judgeName: string;
            recused: boolean;
            /** @description Centi-points by criterion key */
            scores: {
                [key: string]: number;
            } | null;
            total: number | null;
            totalPoints: string | null;
            comment: string | null;
            scoredAt: string | null;
        };
        ReportRecusalView: {
            /** Format: uuid */
            judgeId: string;
            judgeName: string;
            /** Format: uuid */
            bidId: string;
            teamName: string;
            automatic: boolean;
            reason: string | null;
            declaredAt: string;
        };
        ReportObjectionView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            bidId: string;
            teamName: string;
            text: string;
            answer: string | null;
            filedAt: string;
            answeredAt: string | null;
        };
        ChainVerificationView: {
            valid: boolean;
            head?: string;
            brokenAtSeq?: number;
            /** @enum {string} */
            reason?: "SEQ_MISMATCH" | "PREV_HASH_MISMATCH" | "HASH_MISMATCH" | "HEAD_MISMATCH";
        };
        ReportRecordView: {
            entries: number;
            chainHead: string;
            verification: components["schemas"]["ChainVerificationView"];
        };
        ReportView: {
            /** Format: uuid */
            roomId: string;
            challenge: components["schemas"]["ReportChallengeView"];
            /** @enum {string} */
            status: "CONVENED" | "OPEN" | "REVEALED" | "FINALIZED";
            /** @description False until the room is finalised */
            final: boolean;
            /** @enum {string} */
            aggregation: "TRIMMED_MEAN" | "MEAN" | "MEDIAN";
            passMark: number;
            winners: number;
            rubric: components["schemas"]["ReportCriterionView"][];
            timestamps: components["schemas"]["ReportTimestampsView"];
            chair: components["schemas"]["ReportPersonView"];
            panel: components["schemas"]["ReportPersonView"][];
            /**
             * @description How the panel was chosen: drawn from the pool (panelDrawId) or hand-picked (handPickedReason)
             * @enum {string}
             */
            panelSelection: "DRAWN" | "HAND_PICKED";
            /**
             * Format: uuid
             * @description The draw (GET /api/rooms/draws/{id}) of a drawn panel
             */
            panelDrawId: string | null;
            /** @description Why a hand-picked panel was not drawn (null for rooms convened before draws existed) */
            handPickedReason: string | null;
            ranking: components["schemas"]["ReportRankingView"][];
            /** @description One line per bid and panel judge, in presentation then panel order */
            scores: components["schemas"]["ReportScoreView"][];
            recusals: components["schemas"]["ReportRecusalView"][];
            objections: components["schemas"]["ReportObjectionView"][];
            record: components["schemas"]["ReportRecordView"];
        };
        JudgeZScoreView: {
            /** Format: uuid */
            bidId: string;
            /** @description Centi-points */
            total: number;
            z: number;
        };
        JudgeLeniencyView: {
            /** Format: uuid */
            judgeId: string;
            meanPoints: number;
            stdPoints: number;
            /** @description Each total against the judge's own mean and spread */
            zScores: components["schemas"]["JudgeZScoreView"][];
            /** @description Mean z-score among each bid's judges: above 0 lenient, below 0 strict; null when no bid's totals differ */
            panelZ: number | null;
            /** @description How many bids panelZ averages */
            bidsCompared: number;
        };
        BidLeniencyView: {
            /** Format: uuid */
            bidId: string;
            meanZ: number;
            judges: number;
            rank: number;
        };
        LeniencyView: {
            judges: components["schemas"]["JudgeLeniencyView"][];
            bids: components["schemas"]["BidLeniencyView"][];
        };
        CriterionFeedbackView: {
            key: string;
            name: string;
            maxScore: number;
            /** @description The judges' average; null when no judge scored the bid */
            average: number | null;
        };
        FeedbackView: {
            /** Format: uuid */
            bidId: string;
            /** Format: uuid */
            roomId: string;
            rank: number;
            /** @description Bids ranked */
            of: number;
            /** @description Centi-points */
            panelScore: number | null;
            /** @example 78.00 */
            panelPoints: string | null;
            eligible: boolean;
            awarded: boolean;
            /** @description Judges who scored the bid */
            judges: number;
            criteria: components["schemas"]["CriterionFeedbackView"][];
            /** @description Anonymous, sorted */
            comments: string[];
        };
        DependencyReport: {
            /** @enum {string} */
            state: "up" | "down";
            /** @description A critical dependency that is down makes the instance unready (503) */
            critical: boolean;
            /** @description How long the probe took, in milliseconds (capped at the probe timeout) */
            latencyMs: number;
            /** @description Why the dependency counts as down */
            error?: string;
        };
        LivenessDocument: {
            /** @enum {string} */
            status: "ok";
        };
        ReadinessDocument: {
            /**
             * @description ok: every dependency up; degraded: a non-critical one is down (still ready); unavailable: a critical one is down (503)
             * @enum {string}
             */
            status: "ok" | "degraded" | "unavailable";
            dependencies: {
                [key: string]: components["schemas"]["DependencyReport"];
            };
        };
        AskQuestionDto: {
            /**
             * @description The question; the enterprise never learns who asked it
             * @example 测量精度是否要求全温区满足？
             */
            question: string;
        };
        QuestionView: {
            /** Format: uuid */
            id: string;
            question: string;
            answer: string | null;
            askedAt: string;
            answeredAt: string | null;
            /** @description Whether you asked it (nobody else learns who did) */
            mine: boolean;
        };
        AnswerQuestionDto: {
            /** @description The answer, public to everyone who sees the challenge */
            answer: string;
        };
        AcceptNdaDto: {
            /**
             * Format: uuid
             * @description The team whose lead (you) accepts the NDA on its behalf
             */
            teamId: string;
        };
        CreateTeamDto: {
            /** @example 昆明理工大学 智能传感实验室 */
            name: string;
            /** @enum {string} */
            kind: "RESEARCH_GROUP" | "UNIVERSITY_LAB" | "COMPANY" | "INDIVIDUAL_EXPERT";
            /**
             * @description ISO 3166-1 alpha-2 country code: teams come from anywhere
             * @example CN
             */
            country: string;
            /**
             * Format: uuid
             * @description An organisation the creator is a member of (used for conflicts of interest)
             */
            orgId?: string;
        };
        TeamMemberView: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            /** @enum {string} */
            role: "LEAD" | "MEMBER";
            joinedAt: string;
            /** @description Shown to members of the team and admins only */
            email?: string;
        };
        TeamView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "RESEARCH_GROUP" | "UNIVERSITY_LAB" | "COMPANY" | "INDIVIDUAL_EXPERT";
            country: string;
            /** Format: uuid */
            orgId: string | null;
            orgName: string | null;
            createdAt: string;
            /**
             * @description The caller's role in the team, if a member
             * @enum {string|null}
             */
            myRole: "LEAD" | "MEMBER" | null;
            /** @description Current members */
            members: components["schemas"]["TeamMemberView"][];
        };
        TeamSummaryView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "RESEARCH_GROUP" | "UNIVERSITY_LAB" | "COMPANY" | "INDIVIDUAL_EXPERT";
            country: string;
            /** Format: uuid */
            orgId: string | null;
            memberCount: number;
            /** @enum {string|null} */
            myRole: "LEAD" | "MEMBER" | null;
            createdAt: string;
        };
        MembershipPeriodView: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            /** @enum {string} */
            role: "LEAD" | "MEMBER";
            joinedAt: string;
            /** @description null: still a member */
            leftAt: string | null;
        };
        AddTeamMemberDto: {
            /**
             * @description Email of a registered user, who is invited
             * @example wang.fang@example.cn
             */
            email: string;
            /**
             * @description The role the membership will have once accepted
             * @enum {string}
             */
            role: "LEAD" | "MEMBER";
        };
        MilestoneDto: {
            /** @example 样机验证 Prototype on the line */
            title: string;
            /**
             * @description Day of the delivery period (counted from the award) the deliverable is due; within durationDays
             * @example 90
             */
            dueDay: number;
            /** @example Bench test report signed by the enterprise */
            deliverable: string;
            /**
             * @description Share of the quoted price paid on acceptance; all shares sum to exactly 10000 (100%)
             * @example 5000
             */
            paymentBasisPoints: number;
        };
        SubmitBidDto: {
            /** @description Summary of the technical route */
            technicalApproach: string;
            /** @description The full proposal in markdown, at most 204800 bytes (200 KB) in UTF-8 */
            proposal: string;
            /**
             * @description Quoted price in fen (1 CNY = 100 fen); at most the challenge reward
             * @example 48000000
             */
            quotedPriceFen: number;
            /**
             * @description Delivery period in days
             * @example 180
             */
            durationDays: number;
            /** @description In order of due day; payment shares sum to 10000 basis points */
            milestones: components["schemas"]["MilestoneDto"][];
            /** @description Current members of the team */
            keyPersonnelUserIds: string[];
            /**
             * @description The team lead pledges (军令状) to deliver on the technical indicators
             * @enum {boolean}
             */
            pledgeAccepted: true;
            /**
             * Format: uuid
             * @description The bidding team; the caller must be one of its leads
             */
            teamId: string;
        };
        MilestoneView: {
            title: string;
            dueDay: number;
            deliverable: string;
            paymentBasisPoints: number;
        };
        ReceiptView: {
            /** Format: uuid */
            bidId: string;
            /** @description 1-based; every accepted submission, revision or resubmission adds one */
            revision: number;
            /** @description Server receive time by the database clock (ISO 8601, UTC) */
            receivedAt: string;
            /** @description Lowercase hex SHA-256 of the canonical JSON of the revision content (docs/bidding.md) */
            contentHash: string;
        };
        BidView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            challengeId: string;
            /** Format: uuid */
            teamId: string;
            teamName: string;
            /** @enum {string} */
            status: "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "NOT_SHORTLISTED" | "AWARDED" | "NOT_AWARDED";
            revision: number;
            technicalApproach: string;
            proposal: string;
            quotedPriceFen: number;
            durationDays: number;
            milestones: components["schemas"]["MilestoneView"][];
            keyPersonnelUserIds: string[];
            /**
             * Format: uuid
             * @description The lead who pledged (军令状) with the latest revision
             */
            pledgedBy: string;
            pledgedAt: string;
            /** @description The receipt of the latest revision */
            receipt: components["schemas"]["ReceiptView"];
            shortlistReason: string | null;
            shortlistedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        BidSummaryView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            challengeId: string;
            challengeTitle: string;
            /** Format: uuid */
            teamId: string;
            teamName: string;
            /** @enum {string} */
            status: "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "NOT_SHORTLISTED" | "AWARDED" | "NOT_AWARDED";
            technicalApproach: string;
            quotedPriceFen: number;
            durationDays: number;
            receipt: components["schemas"]["ReceiptView"];
            updatedAt: string;
        };
        OwnBidRef: {
            /** Format: uuid */
            bidId: string;
            /** Format: uuid */
            teamId: string;
            /** @enum {string} */
            status: "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "NOT_SHORTLISTED" | "AWARDED" | "NOT_AWARDED";
        };
        ChallengeBidsView: {
            /** Format: uuid */
            challengeId: string;
            /**
             * @description By the database clock
             * @enum {string}
             */
            phase: "HIDDEN" | "NOT_OPEN" | "OPEN" | "CLOSED" | "CANCELLED";
            closesAt: string;
            /** @description Bids that are not withdrawn */
            count: number;
            /** @description Whether the bids are opened to the caller (owner org or admin, after closing) */
            opened: boolean;
            /** @description Empty unless opened */
            bids: components["schemas"]["BidSummaryView"][];
            /** @description The caller's own teams' bids on this challenge */
            ownBids: components["schemas"]["OwnBidRef"][];
        };
        DigestReceiptView: {
            /** Format: uuid */
            bidId: string;
            revision: number;
            contentHash: string;
        };
        DigestView: {
            /** Format: uuid */
            challengeId: string;
            closesAt: string;
            /** @description How the digest is computed */
            algorithm: string;
            /** @description Lowercase hex SHA-256 over the final receipts */
            digest: string;
            /** @description The final receipt of every bid not withdrawn, sorted by bid id */
            receipts: components["schemas"]["DigestReceiptView"][];
        };
        BidContentView: {
            /** Format: uuid */
            challengeId: string;
            /** Format: uuid */
            teamId: string;
            revision: number;
            technicalApproach: string;
            proposal: string;
            quotedPriceFen: number;
            durationDays: number;
            milestones: components["schemas"]["MilestoneView"][];
            keyPersonnelUserIds: string[];
            /** Format: uuid */
            pledgedBy: string;
        };
        BidRevisionView: {
            /** Format: uuid */
            bidId: string;
            revision: number;
            receivedAt: string;
            contentHash: string;
            /** Format: uuid */
            submittedBy: string;
            /** @description Exactly the content the hash was computed over */
            content: components["schemas"]["BidContentView"];
        };
        ReviseBidDto: {
            /** @description Summary of the technical route */
            technicalApproach: string;
            /** @description The full proposal in markdown, at most 204800 bytes (200 KB) in UTF-8 */
            proposal: string;
            /**
             * @description Quoted price in fen (1 CNY = 100 fen); at most the challenge reward
             * @example 48000000
             */
            quotedPriceFen: number;
            /**
             * @description Delivery period in days
             * @example 180
             */
            durationDays: number;
            /** @description In order of due day; payment shares sum to 10000 basis points */
            milestones: components["schemas"]["MilestoneDto"][];
            /** @description Current members of the team */
            keyPersonnelUserIds: string[];
            /**
             * @description The team lead pledges (军令状) to deliver on the technical indicators
             * @enum {boolean}
             */
            pledgeAccepted: true;
        };
        ShortlistDto: {
            /** @enum {string} */
            decision: "SHORTLISTED" | "NOT_SHORTLISTED";
            /** @description Required for NOT_SHORTLISTED */
            reason?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            /** @description The account is created and signed in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description A field is invalid (each listed), e.g. a password under 8 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: too many failed sign-ins to this account from this address, the account's short back-off, or too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description A new access token and a new refresh token; the old one is spent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, or REFRESH_TOKEN_REUSED (the whole sign-in is revoked) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description The sign-in of this refresh token is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgsController_list: {
        parameters: {
            query?: {
                /** @description Admins: filter by verification status */
                verified?: boolean;
                /** @description Only organisations I belong to */
                mine?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Admins see every organisation (e.g. ?verified=false is the verification queue); others see their own */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgView"][];
                };
            };
        };
    };
    OrgsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrgDto"];
            };
        };
        responses: {
            /** @description Created unverified; the creator is its first member (OWNER) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgView"];
                };
            };
            /** @description Invalid fields, e.g. a credit code whose check character is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CREDIT_CODE_TAKEN; ORGANISATION_DUPLICATE (details.orgId): a verified organisation with the same identity exists; ORG_LIMIT_REACHED: the caller created MAX_ORGS_PER_USER organisations already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgView"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verified; its members now act as enterprise for it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgView"];
                };
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORG_ALREADY_VERIFIED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgsController_members: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description In the order they joined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgMemberView"][];
                };
            };
            /** @description NOT_ORG_MEMBER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgsController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddOrgMemberDto"];
            };
        };
        responses: {
            /** @description A PENDING invitation; the user becomes a MEMBER only when they accept */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description NOT_ORG_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORGANISATION_NOT_FOUND, USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ALREADY_MEMBER; ALREADY_INVITED: a pending invitation exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: THROTTLE_MEMBER_LOOKUPS_PER_HOUR invitations by email this hour (successful or not); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrgsController_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending first, then the newest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"][];
                };
            };
            /** @description NOT_ORG_OWNER: owners and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_search: {
        parameters: {
            query: {
                /** @description Substring of the display name or the email, any case; % _ and \ are literal */
                q: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Users whose display name or email contains q (any case), by display name then email, with their organisations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSummaryView"][];
                };
            };
            /** @description VALIDATION_FAILED, field by field: q missing, empty or over 100 characters, limit outside 1..50, an unknown field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OutboxAdminController_stats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every consumer that ever ran (in any service), with its counters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxConsumerView"][];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OutboxAdminController_deadLetters: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dead letters, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterView"][];
                };
            };
            /** @description VALIDATION_FAILED: limit outside 1..500, an unknown field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OutboxAdminController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consumer: string;
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event gets a fresh set of attempts at once; handled as usual when its consumer runs */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: a malformed consumer or eventId */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEAD_LETTER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_list: {
        parameters: {
            query?: {
                /** @description Substring of the title or summary, Chinese or English (case-insensitive) */
                q?: string;
                field?: "DIGITAL_ECONOMY" | "ADVANCED_MANUFACTURING" | "BIOMEDICINE" | "NEW_MATERIALS" | "GREEN_ENERGY" | "PLATEAU_AGRICULTURE" | "OTHER";
                /** @description As readers see it (a published challenge past its deadline is CLOSED). Admins may list any status, e.g. SUBMITTED: the review queue */
                status?: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "REJECTED" | "CLOSED" | "EVALUATING" | "AWARDED" | "IN_DELIVERY" | "COMPLETED" | "FAILED" | "CANCELLED";
                tag?: string;
                /** @description Reward ceiling at least this many fen */
                rewardMin?: number;
                /** @description Reward ceiling at most this many fen */
                rewardMax?: number;
                /** @description Bidding closes before this instant (ISO 8601 with time zone) */
                closesBefore?: string;
                /** @description Only my organisations' challenges, in every status (drafts included); needs sign-in */
                mine?: boolean;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; pass nextCursor as cursor for the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengePageView"];
                };
            };
            /** @description VALIDATION_FAILED: every bad field listed in details ({ field, messages }); nothing is written: an unknown parameter, limit over 100, a malformed cursor, rewardMax below rewardMin */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING: mine=true needs sign-in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChallengeDto"];
            };
        };
        responses: {
            /** @description A DRAFT of your organisation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: every bad field listed in details ({ field, messages }); nothing is written, e.g. rubric weights not summing to 100, closesAt before opensAt, a fractional rewardFen, an unknown field; orgId when you act for several organisations */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ENTERPRISE_REQUIRED (not a member of a verified enterprise), NOT_ORG_ENTERPRISE (orgId is not yours) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description detail is null unless detailVisible */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND: it does not exist or you may not see it (drafts of others, invite-only) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateChallengeDto"];
            };
        };
        responses: {
            /** @description Edited; a REJECTED challenge is back to DRAFT */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: every bad field listed in details ({ field, messages }); nothing is written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_CHALLENGE_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_EDITABLE: only DRAFT and REJECTED challenges are edited (amend a published one) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SUBMITTED to the bureau for review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: the stored terms are not publishable, e.g. closesAt less than MIN_BIDDING_WINDOW_HOURS (24 h by default) after opensAt or in the past */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_CHALLENGE_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_TRANSITION_FORBIDDEN: the action is not allowed in the current status (details: from, action) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PUBLISHED as version 1; emits challenge.published */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: the window is no longer publishable (closesAt must be in the future, MIN_BIDDING_WINDOW_HOURS after opensAt) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins (the bureau) only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_TRANSITION_FORBIDDEN: the action is not allowed in the current status (details: from, action); BIDDING_WINDOW_TOO_SHORT: closesAt is less than MIN_BIDDING_WINDOW_HOURS after this moment of publication (details: closesAt, earliestClosesAt, minWindowHours) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectChallengeDto"];
            };
        };
        responses: {
            /** @description REJECTED with the reason; the enterprise edits it (back to DRAFT) and submits again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: reason is required */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins (the bureau) only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_TRANSITION_FORBIDDEN: the action is not allowed in the current status (details: from, action) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelChallengeDto"];
            };
        };
        responses: {
            /** @description CANCELLED; emits challenge.cancelled (bidders are told the reason) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: reason is required to cancel a published challenge */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_CHALLENGE_OWNER: only the posting organisation or an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_TRANSITION_FORBIDDEN: the action is not allowed in the current status (details: from, action); e.g. a challenge whose bidding has closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_amend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AmendChallengeDto"];
            };
        };
        responses: {
            /** @description The challenge as amended: a new version; emits challenge.amended */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeView"];
                };
            };
            /** @description VALIDATION_FAILED: every bad field listed in details ({ field, messages }); nothing is written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_CHALLENGE_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_AMENDABLE (not published), BIDDING_CLOSED, CLOSES_AT_EARLIER, RUBRIC_FROZEN, PASS_MARK_FROZEN, REWARD_DECREASED, OPENS_AT_FROZEN, WINNERS_FROZEN, IP_TERMS_FROZEN, NDA_FROZEN, ELIGIBILITY_FROZEN, INVITATION_WITHDRAWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description AMENDMENT_EMPTY: it changes nothing */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengesController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every published version, oldest first (none before publication) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeVersionView"][];
                };
            };
            /** @description VALIDATION_FAILED: id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExpertsController_list: {
        parameters: {
            query?: {
                /** @description A field of expertise (whole field, any case) */
                field?: string;
                /** @description Substring of the name, title, bio or affiliation, in Chinese or English */
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Search the pool by field of expertise and by substring (名字, title, bio, affiliation) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertView"][];
                };
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExpertsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExpertDto"];
            };
        };
        responses: {
            /** @description The user joins the expert pool and holds the JUDGE role (from their next sign-in or token refresh) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertView"];
                };
            };
            /** @description VALIDATION_FAILED, field by field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description USER_NOT_FOUND, ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description EXPERT_EXISTS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExpertsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertView"];
                };
            };
            /** @description EXPERTS_ADMIN_ONLY: admins, or the expert themself */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description EXPERT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PanelDrawsController_commit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDrawDto"];
            };
        };
        responses: {
            /** @description Committed: the eligible pool (canonical order), its exclusions and the seed hash; the seed is kept until run */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrawView"];
                };
            };
            /** @description VALIDATION_FAILED: e.g. an even size */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_CLOSED, ROOM_EXISTS, DRAW_EXISTS, POOL_TOO_SMALL */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PanelDrawsController_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The panel and the ordered alternates, and the seed revealed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrawView"];
                };
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DRAW_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DRAW_ALREADY_RUN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PanelDrawsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Admins: everything. The owner and the shortlisted teams: the commitment, and everything once the room convened from it is finalised */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrawView"];
                };
            };
            /** @description DRAW_NOT_FOUND (also for draws one is no party to) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_list: {
        parameters: {
            query?: {
                challengeId?: string;
                status?: "CONVENED" | "OPEN" | "REVEALED" | "FINALIZED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rooms I chair, judge or observe (admins: all) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomSummaryView"][];
                };
            };
        };
    };
    RoomsController_convene: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConveneRoomDto"];
            };
        };
        responses: {
            /** @description Convened: rubric frozen, automatic recusals recorded, evaluation.started emitted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomSnapshotView"];
                };
            };
            /** @description VALIDATION_FAILED: e.g. both or neither of drawId and judgeIds, judgeIds without handPickedReason, a draw of another challenge, an even panel, a chair who is neither judge nor admin, a judge outside the pool */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_CLOSED, ROOM_EXISTS, DRAW_NOT_RUN, BID_NOT_SHORTLISTED, SHORTLIST_INCOMPLETE; CONVENING_WARNINGS (details.warnings): warnings that need warningsAcknowledged */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                judgeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceJudgeDto"];
            };
        };
        responses: {
            /** @description The alternate holds the seat (same position), with their automatic recusals; panel.replaced is in the record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomSnapshotView"];
                };
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROOM_NOT_FOUND, PANEL_JUDGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROOM_NOT_CONVENED, ROOM_FINALIZED, PANEL_NOT_DRAWN, CHAIR_NOT_REPLACEABLE, ALTERNATES_EXHAUSTED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_conveningCheck: {
        parameters: {
            query: {
                challengeId: string;
                /** @description The judges to check, comma-separated user ids (e.g. a draw’s panel and alternates); none: the teams only */
                judgeIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Teams without a verified organisation; near matches of a judge’s affiliation and a team’s organisation that are no automatic recusal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConveningCheckView"];
                };
            };
            /** @description VALIDATION_FAILED: challengeId or a judge id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The room as my audience sees it (the same snapshot as room:join) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomSnapshotView"];
                };
            };
            /** @description ROOM_NOT_FOUND (also for rooms I take no part in) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_declarations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chair and admins see all; a judge their own */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclarationView"][];
                };
            };
            /** @description DECLARATIONS_RESTRICTED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_declare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclarationsDto"];
            };
        };
        responses: {
            /** @description { version, declarations (mine), complete } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAckView"];
                };
            };
            /** @description VALIDATION_FAILED: a bid outside the room, a conflict without a reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_ON_PANEL */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROOM_NOT_CONVENED, RECUSAL_AUTOMATIC, ROOM_FINALIZED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_bid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                bidId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description For non-recused judges, the chair, admins and the owner enterprise */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomBidContentView"];
                };
            };
            /** @description JUDGE_RECUSED, BID_CONTENT_RESTRICTED, NOT_A_ROOM_BID */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROOM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_objections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All for the chair, admins, panel and owner; a team sees those on its own bid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionView"][];
                };
            };
        };
    };
    RoomsController_object: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionDto"];
            };
        };
        responses: {
            /** @description { version, objection } */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAckView"];
                };
            };
            /** @description NOT_BIDDING_TEAM */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_REVEALED, OBJECTION_WINDOW_CLOSED, ROOM_FINALIZED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoomsController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                objectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerObjectionDto"];
            };
        };
        responses: {
            /** @description { version, objection } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAckView"];
                };
            };
            /** @description ROLE_REQUIRED: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description OBJECTION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description OBJECTION_ANSWERED, ROOM_FINALIZED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RecordController_audit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hash-chained record, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditView"];
                };
            };
            /** @description RECORD_RESTRICTED: chair and admins; also the panel and owner once finalised */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ROOM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RecordController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every link and the head kept on the room re-checked; participants at any time, anyone once finalised */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationView"];
                };
            };
            /** @description ROOM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RecordController_report: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The evaluation report (评审报告); ?format=csv for a spreadsheet (UTF-8 with BOM) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                    "text/csv": string;
                };
            };
            /** @description RECORD_RESTRICTED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RecordController_leniency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Advisory z-scores of each judge’s totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeniencyView"];
                };
            };
            /** @description CHAIR_OR_ADMIN_ONLY */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RecordController_feedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My team’s scorecard: per-criterion panel averages, rank, anonymous comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackView"];
                };
            };
            /** @description FEEDBACK_NOT_FOUND: not my team’s bid, or not evaluated in a room */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FEEDBACK_NOT_READY: the room is not finalised */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessDocument"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: status ok, or degraded when only a non-critical dependency is down */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDocument"];
                };
            };
            /** @description Unready: a critical dependency (the database) is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDocument"];
                };
            };
        };
    };
    QuestionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Answered questions (asker anonymous); unanswered ones only for the owner and the asker */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionView"][];
                };
            };
            /** @description VALIDATION_FAILED: id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_ask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AskQuestionDto"];
            };
        };
        responses: {
            /** @description Asked; the enterprise sees the question, never who asked it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionView"];
                };
            };
            /** @description VALIDATION_FAILED: the question is empty or longer than 2000 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description OWNER_CANNOT_ASK */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description QUESTIONS_CLOSED: the challenge is not published or bidding has closed; QUESTION_LIMIT_REACHED: MAX_QUESTIONS_PER_USER_PER_CHALLENGE asked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
                /** @description The question */
                qid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerQuestionDto"];
            };
        };
        responses: {
            /** @description Answered; now visible to everyone who sees the challenge */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionView"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_CHALLENGE_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND, QUESTION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description QUESTION_ALREADY_ANSWERED, QUESTIONS_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NdaController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The challenge */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptNdaDto"];
            };
        };
        responses: {
            /** @description The team had accepted already: the first record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NdaAcceptanceView"];
                };
            };
            /** @description Accepted for the team: who, which version, when */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NdaAcceptanceView"];
                };
            };
            /** @description VALIDATION_FAILED: teamId is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD, TEAM_NOT_INVITED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND, TEAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NDA_NOT_REQUIRED, CHALLENGE_NOT_PUBLISHED, BIDDING_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_list: {
        parameters: {
            query?: {
                /** @description Only the teams I am a current member of (with my role) */
                mine?: boolean;
                /** @description Part of the team name, in any language */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ?mine=true: my teams; otherwise the team directory (at most 200, newest first) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSummaryView"][];
                };
            };
            /** @description VALIDATION_FAILED: mine not true/false, q blank or longer than 100 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTeamDto"];
            };
        };
        responses: {
            /** @description Created; the creator is its first LEAD */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamView"];
                };
            };
            /** @description VALIDATION_FAILED: e.g. country not ISO 3166-1, orgId not an organisation of the creator */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TEAM_LIMIT_REACHED: the caller created MAX_TEAMS_PER_USER teams already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A public profile; member emails only for members and admins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamView"];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TEAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every membership period, past ones included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipPeriodView"][];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_MEMBER: members of the team and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TEAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddTeamMemberDto"];
            };
        };
        responses: {
            /** @description A PENDING invitation; the user becomes a member, in this role, only when they accept */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TEAM_NOT_FOUND, USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ALREADY_MEMBER; ALREADY_INVITED: a pending invitation exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RATE_LIMITED: THROTTLE_MEMBER_LOOKUPS_PER_HOUR invitations by email this hour (successful or not); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending first, then the newest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"][];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD: leads of the team and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TEAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The membership ended (kept in the history) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD: only a lead removes others; a member may remove only themselves */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TEAM_NOT_FOUND, MEMBER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description LAST_LEAD: a team keeps at least one lead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvitationsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending first, then the newest; answered and revoked ones kept */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"][];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvitationsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ACCEPTED; a member of the team (in the invited role) or of the organisation since decidedAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_INVITEE: only the person invited answers */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_NOT_PENDING: accepted, declined or revoked already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvitationsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description DECLINED; no membership */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_INVITEE: only the person invited answers */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_NOT_PENDING: accepted, declined or revoked already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvitationsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description REVOKED; it can no longer be accepted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD, NOT_ORG_OWNER: those who may invite revoke */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVITATION_NOT_PENDING: accepted, declined or revoked already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengeBidsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Before closing, a count for everyone who sees the challenge. After closing the owner organisation and admins get the list; everyone else still a count. `ownBids`: the caller’s own teams’ bids. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeBidsView"];
                };
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengeBidsController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: 1-200 characters of A-Z a-z 0-9 _ - : . , unique per request (e.g. a UUID). A retry with the same key and body gets the first answer (header Idempotent-Replayed: true); the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; a retry while the first is running is 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitBidDto"];
            };
        };
        responses: {
            /** @description Accepted; `receipt` holds the bid id, revision, server receive time and the SHA-256 of the content. A team whose bid was withdrawn resubmits that bid as a new revision. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidView"];
                };
            };
            /** @description VALIDATION_FAILED, field by field: e.g. quotedPriceFen above the reward, milestones shares not summing to 10000, milestones.N.dueDay past durationDays, keyPersonnelUserIds.N not a member, unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD, OWN_CHALLENGE (the team or one of its members belongs to the posting enterprise), TEAM_NOT_ELIGIBLE (invite-only), NDA_NOT_ACCEPTED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CHALLENGE_NOT_FOUND, TEAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_WINDOW_NOT_OPEN, BID_WINDOW_CLOSED (by the database clock), CHALLENGE_CANCELLED, BID_ALREADY_EXISTS (one active bid per team), IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChallengeBidsController_digest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hash over all final receipts (the "super hash"), published after closing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestView"];
                };
            };
            /** @description CHALLENGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BIDDING_NOT_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BidsController_listMine: {
        parameters: {
            query?: {
                /** @description The bids of the teams I am a current member of (the only listing offered here; it is the default) */
                mine?: true;
                challengeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bids of the teams I am a current member of (mine=true is the default and the only listing) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidSummaryView"][];
                };
            };
            /** @description VALIDATION_FAILED: mine other than true, challengeId not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BidsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bidding team always; the owner organisation and admins after closing (never a withdrawn bid) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidView"];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_NOT_FOUND: also for a sealed bid the caller may not read (before closing: anyone outside the bidding team) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BidsController_revise: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: 1-200 characters of A-Z a-z 0-9 _ - : . , unique per request (e.g. a UUID). A retry with the same key and body gets the first answer (header Idempotent-Replayed: true); the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; a retry while the first is running is 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseBidDto"];
            };
        };
        responses: {
            /** @description A new revision, with its receipt; the earlier ones are kept */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidView"];
                };
            };
            /** @description VALIDATION_FAILED, field by field (as for submitting) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD, OWN_CHALLENGE (the team or one of its current members now belongs to the posting enterprise; details: rules, memberUserIds) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_NOT_FOUND: also for a sealed bid the caller may not read (before closing: anyone outside the bidding team) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_WINDOW_CLOSED, CHALLENGE_CANCELLED, BID_TRANSITION_FORBIDDEN (not SUBMITTED), IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BidsController_revisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every accepted revision with its receipt and exactly the hashed content; same access as the bid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidRevisionView"][];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_NOT_FOUND: also for a sealed bid the caller may not read (before closing: anyone outside the bidding team) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BidsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description WITHDRAWN; the team may resubmit before closesAt (POST /api/challenges/:id/bids) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidView"];
                };
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_TEAM_LEAD */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_NOT_FOUND: also for a sealed bid the caller may not read (before closing: anyone outside the bidding team) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_WINDOW_CLOSED, CHALLENGE_CANCELLED, BID_TRANSITION_FORBIDDEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BidsController_shortlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShortlistDto"];
            };
        };
        responses: {
            /** @description 形式审查 after closing: SHORTLISTED bids go to the evaluation room */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidView"];
                };
            };
            /** @description VALIDATION_FAILED: reason is required for NOT_SHORTLISTED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_CHALLENGE_OWNER: the owner organisation and admins only; OWN_CHALLENGE: SHORTLISTED refused for a team that now belongs to the posting enterprise */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BID_NOT_FOUND: also for a sealed bid the caller may not read (before closing: anyone outside the bidding team) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BIDDING_NOT_CLOSED, SHORTLIST_FROZEN (the room is convened), BID_TRANSITION_FORBIDDEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
