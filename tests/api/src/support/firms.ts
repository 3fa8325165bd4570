import { HttpClient, verifyEmail } from './app';

let counter = 0;

export const MANUFACTURER_PROFILE = {
  legalForm: 'wfoe',
  activities: ['manufacturing', 'trading'],
  importsExports: true,
  headcountBand: '250_999',
  agencyLabour: false,
  pollutantPermit: 'yes',
  largeScaleData: 'no',
  publicProcurement: false,
  largeEnterpriseBuyer: true,
  taxRegistrationYear: 2012,
  naceSection: 'C',
  provinces: ['JS'],
  germanParent: true,
};

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
