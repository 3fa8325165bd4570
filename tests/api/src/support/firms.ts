import { TEST_FIRM_PROFILE } from '@scs/shared/testing';
import { HttpClient, verifyEmail } from './app';

let counter = 0;

/** The test firm of @scs/shared/testing (a manufacturer: many questions apply). */
export const MANUFACTURER_PROFILE = TEST_FIRM_PROFILE;

export interface RegisteredFirm {
  http: HttpClient;
  orgId: string;
  userId: string;
  email: string;
  password: string;
}

/** Registers a user with a new firm (signed in through cookies) and fills in the firm profile. */
export async function registerFirm(
  base: string,
  profile: Record<string, unknown> = {},
  name = 'Muster Maschinenbau (Suzhou) Co., Ltd.',
): Promise<RegisteredFirm> {
  const http = new HttpClient(base);
  const n = ++counter;
  const email = `officer${n}-${Date.now()}@firm${n}.example`;
  const password = `Korrekt-Pferd-${n}-Batterie`;
  const reg = await http.post('/api/auth/register', { email, password, name: `Officer ${n}`, firmName: name });
  if (reg.status !== 202) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const orgId = (await verifyEmail(base, email, http)).res.body.orgId as string;
  const put = await http.put(`/api/orgs/${orgId}/profile`, { name, ...MANUFACTURER_PROFILE, ...profile });
  if (put.status !== 200) throw new Error(`profile failed: ${put.status} ${JSON.stringify(put.body)}`);
  const me = await http.get<{ id: string }>('/api/auth/me');
  return { http, orgId, userId: me.body.id, email, password };
}
