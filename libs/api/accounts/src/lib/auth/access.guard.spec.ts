import { Controller, Get, Post, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  type AuthUser,
  Authenticated,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
  FIRM_ROLES,
  OrgAccess,
  PlatformAdmin,
  Public,
  ResourceAccess,
  ResourceOwners,
} from '@scs/api/core';
import type { MembershipInfo } from '../orgs/memberships.service';
import { AccessGuard, type AccessRequest } from './access.guard';
import { CsrfService } from './csrf.service';
import type { SessionsService } from './sessions.service';
import type { TokenService } from './tokens.service';

const FIRM_A = '11111111-1111-4111-8111-111111111111';
const FIRM_B = '22222222-2222-4222-8222-222222222222';
const CHAMBER = '33333333-3333-4333-8333-333333333333';
const DOC_OF_A = '44444444-4444-4444-8444-444444444444';
const DOC_OF_B = '55555555-5555-4555-8555-555555555555';

@Controller('demo')
class DemoController {
  @Get('open') @Public() open(): string {
    return 'ok';
  }
  @Get('forgotten') forgotten(): string {
    return 'ok';
  }
  @Get('me') @Authenticated() me(): string {
    return 'ok';
  }
  @Post('me') @Authenticated() updateMe(): string {
    return 'ok';
  }
  @Get('ops') @PlatformAdmin() ops(): string {
    return 'ok';
  }
  @Get('orgs/:orgId') @OrgAccess(FIRM_ROLES, { kind: 'firm' }) firm(): string {
    return 'ok';
  }
  @Post('orgs/:orgId/admin') @OrgAccess(['owner', 'admin']) adminOnly(): string {
    return 'ok';
  }
  @Get('docs/:id') @ResourceAccess('doc', FIRM_ROLES) doc(): string {
    return 'ok';
  }
  @Get('both') @Public() @Authenticated() both(): string {
    return 'ok';
  }
}

const users: Record<string, AuthUser> = {
  alice: { id: 'alice', email: 'alice@a.test', name: 'Alice', platformAdmin: false, sessionId: 'sa' },
  olga: { id: 'olga', email: 'olga@ops.test', name: 'Olga', platformAdmin: true, sessionId: 'so' },
};
// alice: member of firm A, member (not owner/admin) — and admin of a chamber.
const memberships: Record<string, MembershipInfo> = {
  [`alice:${FIRM_A}`]: { role: 'member', kind: 'firm' },
  [`alice:${CHAMBER}`]: { role: 'admin', kind: 'chamber' },
};
const revokedSessions = new Set<string>();

const tokens = {
  verifyAccess: async (token: string) =>
    token.startsWith('valid-') ? { sub: token.slice(6), sid: users[token.slice(6)]?.sessionId ?? 'x' } : null,
  csrfToken: async (sid: string) => `csrf-for-${sid}`,
} as unknown as TokenService;
const activeUser = (sid: string, uid: string) =>
  users[uid] && users[uid].sessionId === sid && !revokedSessions.has(sid) ? users[uid] : null;
const sessions = {
  activeUser: async (sid: string, uid: string) => activeUser(sid, uid),
  activeUserIn: async (sid: string, uid: string, orgId: string) => {
    const user = activeUser(sid, uid);
    return user ? { user, membership: memberships[`${uid}:${orgId}`] ?? null } : null;
  },
} as unknown as SessionsService;

function guard(): AccessGuard {
  const owners = new ResourceOwners();
  owners.register('doc', async (id) => ({ [DOC_OF_A]: FIRM_A, [DOC_OF_B]: FIRM_B })[id] ?? null);
  return new AccessGuard(new Reflector(), tokens, sessions, owners, new CsrfService(tokens));
}

function request(init: {
  method?: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  params?: Record<string, string>;
}): AccessRequest {
  return {
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    cookies: init.cookies ?? {},
    params: init.params ?? {},
  } as unknown as AccessRequest;
}

function context(handler: keyof DemoController, req: AccessRequest): ExecutionContext {
  return {
    getHandler: () => DemoController.prototype[handler],
    getClass: () => DemoController,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

const bearer = (who: string) => ({ authorization: `Bearer valid-${who}` });

describe('AccessGuard', () => {
  afterEach(() => revokedSessions.clear());

  it('refuses a route that declares no access rule, even for a signed-in user', async () => {
    const act = guard().canActivate(context('forgotten', request({ headers: bearer('alice') })));
    await expect(act).rejects.toThrow(new ForbiddenError('errors.auth.routeNoRule'));
  });

  it('refuses a route that declares both @Public and a rule', async () => {
    await expect(guard().canActivate(context('both', request({})))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets anyone call a public route', async () => {
    await expect(guard().canActivate(context('open', request({})))).resolves.toBe(true);
  });

  it('answers 401 without a token, with a bad token and with a malformed header', async () => {
    await expect(guard().canActivate(context('me', request({})))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(
      guard().canActivate(context('me', request({ headers: { authorization: 'Bearer forged' } }))),
    ).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(
      guard().canActivate(context('me', request({ headers: { authorization: 'Basic abc' } }))),
    ).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('answers 401 for a valid token whose session was revoked', async () => {
    revokedSessions.add('sa');
    await expect(guard().canActivate(context('me', request({ headers: bearer('alice') })))).rejects.toThrow(
      'Session ended; sign in again',
    );
  });

  it('attaches the user for a valid Bearer token', async () => {
    const req = request({ headers: bearer('alice') });
    await expect(guard().canActivate(context('me', req))).resolves.toBe(true);
    expect(req.user?.id).toBe('alice');
  });

  it('accepts the access cookie when there is no Authorization header', async () => {
    const req = request({ cookies: { scs_access: 'valid-alice' } });
    await expect(guard().canActivate(context('me', req))).resolves.toBe(true);
  });

  describe('CSRF on cookie-authenticated writes', () => {
    it('refuses a POST authenticated by cookie without the X-XSRF-TOKEN header', async () => {
      const req = request({ method: 'POST', cookies: { scs_access: 'valid-alice', 'XSRF-TOKEN': 'csrf-for-sa' } });
      await expect(guard().canActivate(context('updateMe', req))).rejects.toThrow(/CSRF/);
    });

    it('refuses a header that matches the cookie but not the session', async () => {
      const req = request({
        method: 'POST',
        headers: { 'x-xsrf-token': 'planted' },
        cookies: { scs_access: 'valid-alice', 'XSRF-TOKEN': 'planted' },
      });
      await expect(guard().canActivate(context('updateMe', req))).rejects.toThrow(/CSRF/);
    });

    it('accepts the matching double-submitted token', async () => {
      const req = request({
        method: 'POST',
        headers: { 'x-xsrf-token': 'csrf-for-sa' },
        cookies: { scs_access: 'valid-alice', 'XSRF-TOKEN': 'csrf-for-sa' },
      });
      await expect(guard().canActivate(context('updateMe', req))).resolves.toBe(true);
    });

    it('needs no CSRF header for Bearer requests or for reads', async () => {
      await expect(
        guard().canActivate(context('updateMe', request({ method: 'POST', headers: bearer('alice') }))),
      ).resolves.toBe(true);
      await expect(
        guard().canActivate(context('me', request({ cookies: { scs_access: 'valid-alice' } }))),
      ).resolves.toBe(true);
    });
  });

  it('lets only platform admins call operator routes', async () => {
    await expect(guard().canActivate(context('ops', request({ headers: bearer('alice') })))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(guard().canActivate(context('ops', request({ headers: bearer('olga') })))).resolves.toBe(true);
  });

  describe('organisation rules', () => {
    it('admits a member with an allowed role and attaches the org context', async () => {
      const req = request({ headers: bearer('alice'), params: { orgId: FIRM_A } });
      await expect(guard().canActivate(context('firm', req))).resolves.toBe(true);
      expect(req.org).toEqual({ orgId: FIRM_A, kind: 'firm', role: 'member' });
    });

    it('answers 404 (not 403) for an organisation the user does not belong to', async () => {
      const act = guard().canActivate(
        context('firm', request({ headers: bearer('alice'), params: { orgId: FIRM_B } })),
      );
      await expect(act).rejects.toBeInstanceOf(NotFoundError);
    });

    it('answers 404 when the organisation is of another kind than the route serves', async () => {
      const act = guard().canActivate(
        context('firm', request({ headers: bearer('alice'), params: { orgId: CHAMBER } })),
      );
      await expect(act).rejects.toBeInstanceOf(NotFoundError);
    });

    it('answers 403 for a member whose role is not allowed', async () => {
      const act = guard().canActivate(
        context('adminOnly', request({ method: 'POST', headers: bearer('alice'), params: { orgId: FIRM_A } })),
      );
      await expect(act).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('answers 400 for a malformed organisation id', async () => {
      const act = guard().canActivate(
        context('firm', request({ headers: bearer('alice'), params: { orgId: 'not-a-uuid' } })),
      );
      await expect(act).rejects.toBeInstanceOf(InvalidInputError);
    });

    it('does not let platform admins into firms they are not members of', async () => {
      const act = guard().canActivate(context('firm', request({ headers: bearer('olga'), params: { orgId: FIRM_A } })));
      await expect(act).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('resource rules', () => {
    it('resolves the owning organisation and admits its members', async () => {
      const req = request({ headers: bearer('alice'), params: { id: DOC_OF_A } });
      await expect(guard().canActivate(context('doc', req))).resolves.toBe(true);
      expect(req.org?.orgId).toBe(FIRM_A);
    });

    it('answers 404 for a resource of another firm and for an unknown resource', async () => {
      await expect(
        guard().canActivate(context('doc', request({ headers: bearer('alice'), params: { id: DOC_OF_B } }))),
      ).rejects.toBeInstanceOf(NotFoundError);
      const unknown = '66666666-6666-4666-8666-666666666666';
      await expect(
        guard().canActivate(context('doc', request({ headers: bearer('alice'), params: { id: unknown } }))),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('answers 401 for a revoked session before telling anything about the resource or the id', async () => {
      revokedSessions.add('sa');
      const unknown = '66666666-6666-4666-8666-666666666666';
      for (const id of [DOC_OF_A, DOC_OF_B, unknown, 'not-a-uuid']) {
        await expect(
          guard().canActivate(context('doc', request({ headers: bearer('alice'), params: { id } }))),
        ).rejects.toThrow('Session ended; sign in again');
      }
      await expect(
        guard().canActivate(context('firm', request({ headers: bearer('alice'), params: { orgId: FIRM_A } }))),
      ).rejects.toBeInstanceOf(UnauthenticatedError);
    });

    it('refuses a cookie-authenticated write without CSRF token before looking at the id', async () => {
      const req = request({ method: 'POST', cookies: { scs_access: 'valid-alice' }, params: { orgId: 'not-a-uuid' } });
      await expect(guard().canActivate(context('adminOnly', req))).rejects.toThrow(/CSRF/);
    });
  });
});

describe('ResourceOwners', () => {
  it('remembers found owners, asks again for unknown ids', async () => {
    const owners = new ResourceOwners();
    const asked: string[] = [];
    owners.register('doc', async (id) => {
      asked.push(id);
      return id === DOC_OF_A ? FIRM_A : null;
    });
    expect(await owners.ownerOf('doc', DOC_OF_A)).toBe(FIRM_A);
    expect(await owners.ownerOf('doc', DOC_OF_A)).toBe(FIRM_A);
    expect(await owners.ownerOf('doc', DOC_OF_B)).toBeNull();
    expect(await owners.ownerOf('doc', DOC_OF_B)).toBeNull();
    expect(asked).toEqual([DOC_OF_A, DOC_OF_B, DOC_OF_B]);
    await expect(owners.ownerOf('nothing', DOC_OF_A)).rejects.toThrow(/No owner resolver/);
  });
});
