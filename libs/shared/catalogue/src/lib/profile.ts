import { z } from 'zod';
import { bilingual as t, localize, type ReadLocale, type Text, type TextZh } from './text';

/** A profile field with a fixed set of values; `multi` fields hold an array of them. */
interface EnumField<V extends string, M extends boolean = boolean> {
  kind: 'enum';
  multi: M;
  label: Text | TextZh;
  values: readonly V[];
  /** Labels of the values; some carry Chinese too (provinces, legal forms: shown in the Chinese UI and reports). */
  valueLabels: Readonly<Record<V, Text | TextZh>>;
  /**
   * Fields added after the first profile version are optional: a stored profile without them stays valid and
   * rules read `defaultValue` instead (chosen so that an old profile is treated as before, or conservatively).
   */
  defaultValue?: V;
}
interface BooleanField {
  kind: 'boolean';
  label: Text;
}
interface IntegerField {
  kind: 'integer';
  label: Text;
  min: number;
  max: number;
}
export type ProfileFieldDefinition = EnumField<string> | BooleanField | IntegerField;

function enumField<const V extends string, const M extends boolean>(
  label: Text | TextZh,
  multi: M,
  valueLabels: Record<V, Text | TextZh>,
): EnumField<V, M> {
  return { kind: 'enum', multi, label, values: Object.keys(valueLabels) as V[], valueLabels };
}
const booleanField = (label: Text): BooleanField => ({ kind: 'boolean', label });
/** An enum field added later: optional in a stored profile, read as `defaultValue` when absent. */
function optionalEnumField<const V extends string>(
  label: Text,
  valueLabels: Record<V, Text>,
  defaultValue: NoInfer<V>,
): EnumField<V, false> & { defaultValue: V } {
  return { ...enumField(label, false, valueLabels), defaultValue };
}

/** English, German and Simplified Chinese (labels Chinese staff see: provinces, legal forms). */
const tz = (en: string, de: string, zh: string): TextZh => ({ en, de, zh });

const yesNoUnknown = { yes: t('Yes', 'Ja'), no: t('No', 'Nein'), unknown: t("Don't know", 'Weiß nicht') };

/**
 * The firm-profile fields that applicability rules may test, with their allowed values and labels.
 * The single source for rule validation, the profile schema and the web profile form.
 */
export const PROFILE_FIELDS = {
  legalForm: enumField(
    tz('Legal form of the China entity', 'Rechtsform der Gesellschaft in China', '在华主体的法律形式'),
    false,
    {
      wfoe: tz(
        'Wholly foreign-owned enterprise (WFOE)',
        'Hundertprozentige Auslandsgesellschaft (WFOE)',
        '外商独资企业（WFOE）',
      ),
      jv: tz('Joint venture', 'Joint Venture', '合资企业'),
      rep_office: tz('Representative office', 'Repräsentanz', '代表处'),
      branch: tz('Branch', 'Zweigniederlassung', '分公司'),
      other: tz('Other', 'Sonstige', '其他'),
    },
  ),
  activities: enumField(t('Activities', 'Tätigkeiten'), true, {
    manufacturing: t('Manufacturing', 'Produktion'),
    trading: t('Trading (import/export)', 'Handel (Import/Export)'),
    services: t('Services', 'Dienstleistungen'),
    rnd: t('Research and development', 'Forschung und Entwicklung'),
    ecommerce: t('E-commerce', 'E-Commerce'),
    construction: t('Construction or installation', 'Bau oder Montage'),
    food_drugs_medical: t('Food, drugs or medical devices', 'Lebensmittel, Arzneimittel oder Medizinprodukte'),
    hazardous_chemicals: t('Hazardous chemicals', 'Gefahrstoffe'),
    logistics: t('Logistics, freight forwarding or customs brokerage', 'Logistik, Spedition oder Zollabwicklung'),
  }),
  importsExports: booleanField(
    t(
      'Imports or exports goods in its own name (registered with customs)',
      'Importiert oder exportiert Waren im eigenen Namen (beim Zoll registriert)',
    ),
  ),
  headcountBand: enumField(t('Headcount', 'Beschäftigte'), false, {
    lt50: t('Fewer than 50', 'Weniger als 50'),
    '50_249': t('50–249', '50–249'),
    '250_999': t('250–999', '250–999'),
    gte1000: t('1,000 or more', '1.000 oder mehr'),
  }),
  agencyLabour: booleanField(
    t(
      'Uses agency (dispatched) workers or labour subcontractors',
      'Setzt Leiharbeitskräfte oder Arbeits-Subunternehmer ein',
    ),
  ),
  pollutantPermit: enumField(
    t(
      'Key pollutant-discharging unit or holder of a pollutant discharge permit',
      'Schwerpunkt-Emittent oder Inhaber einer Emissionsgenehmigung',
    ),
    false,
    yesNoUnknown,
  ),
  largeScaleData: enumField(
    t(
      'Processes personal information of more than 1 million individuals, or transfers personal or important data abroad',
      'Verarbeitet personenbezogene Daten von mehr als 1 Million Personen oder übermittelt personenbezogene oder wichtige Daten ins Ausland',
    ),
    false,
    yesNoUnknown,
  ),
  publicProcurement: booleanField(
    t(
      'Bids for government procurement or SOE tenders',
      'Bietet bei öffentlichen Aufträgen oder Ausschreibungen von Staatsunternehmen',
    ),
  ),
  largeEnterpriseBuyer: booleanField(
    t('Large enterprise buying from Chinese SMEs', 'Großunternehmen, das bei chinesischen KMU einkauft'),
  ),
  taxRegistrationYear: {
    kind: 'integer',
    label: t('Year of tax registration', 'Jahr der Steueranmeldung'),
    min: 1979,
    max: 2100,
  } satisfies IntegerField,
  naceSection: enumField(t('Main sector (NACE section)', 'Hauptbranche (NACE-Abschnitt)'), false, {
    A: t('A – Agriculture, forestry and fishing', 'A – Land- und Forstwirtschaft, Fischerei'),
    B: t('B – Mining and quarrying', 'B – Bergbau und Gewinnung von Steinen und Erden'),
    C: t('C – Manufacturing', 'C – Verarbeitendes Gewerbe'),
    D: t('D – Electricity, gas, steam and air conditioning supply', 'D – Energieversorgung'),
    E: t('E – Water supply, sewerage, waste management', 'E – Wasserversorgung, Abwasser- und Abfallentsorgung'),
    F: t('F – Construction', 'F – Baugewerbe'),
    G: t('G – Wholesale and retail trade', 'G – Handel'),
    H: t('H – Transportation and storage', 'H – Verkehr und Lagerei'),
    I: t('I – Accommodation and food service', 'I – Gastgewerbe'),
    J: t('J – Information and communication', 'J – Information und Kommunikation'),
    K: t('K – Financial and insurance activities', 'K – Finanz- und Versicherungsdienstleistungen'),
    L: t('L – Real estate activities', 'L – Grundstücks- und Wohnungswesen'),
    M: t(
      'M – Professional, scientific and technical activities',
      'M – Freiberufliche, wissenschaftliche und technische Dienstleistungen',
    ),
    N: t('N – Administrative and support service activities', 'N – Sonstige wirtschaftliche Dienstleistungen'),
    O: t('O – Public administration and defence', 'O – Öffentliche Verwaltung und Verteidigung'),
    P: t('P – Education', 'P – Erziehung und Unterricht'),
    Q: t('Q – Human health and social work', 'Q – Gesundheits- und Sozialwesen'),
    R: t('R – Arts, entertainment and recreation', 'R – Kunst, Unterhaltung und Erholung'),
    S: t('S – Other service activities', 'S – Sonstige Dienstleistungen'),
    T: t('T – Activities of households as employers', 'T – Private Haushalte mit Hauspersonal'),
    U: t('U – Extraterritorial organisations', 'U – Exterritoriale Organisationen'),
  }),
  // ISO 3166-2:CN subdivision codes without the "CN-" prefix.
  provinces: enumField(tz('Provinces with sites', 'Provinzen mit Standorten', '设有场所的省份'), true, {
    AH: tz('Anhui', 'Anhui', '安徽'),
    BJ: tz('Beijing', 'Peking', '北京'),
    CQ: tz('Chongqing', 'Chongqing', '重庆'),
    FJ: tz('Fujian', 'Fujian', '福建'),
    GD: tz('Guangdong', 'Guangdong', '广东'),
    GS: tz('Gansu', 'Gansu', '甘肃'),
    GX: tz('Guangxi', 'Guangxi', '广西'),
    GZ: tz('Guizhou', 'Guizhou', '贵州'),
    HA: tz('Henan', 'Henan', '河南'),
    HB: tz('Hubei', 'Hubei', '湖北'),
    HE: tz('Hebei', 'Hebei', '河北'),
    HI: tz('Hainan', 'Hainan', '海南'),
    HK: tz('Hong Kong', 'Hongkong', '香港'),
    HL: tz('Heilongjiang', 'Heilongjiang', '黑龙江'),
    HN: tz('Hunan', 'Hunan', '湖南'),
    JL: tz('Jilin', 'Jilin', '吉林'),
    JS: tz('Jiangsu', 'Jiangsu', '江苏'),
    JX: tz('Jiangxi', 'Jiangxi', '江西'),
    LN: tz('Liaoning', 'Liaoning', '辽宁'),
    MO: tz('Macao', 'Macau', '澳门'),
    NM: tz('Inner Mongolia', 'Innere Mongolei', '内蒙古'),
    NX: tz('Ningxia', 'Ningxia', '宁夏'),
    QH: tz('Qinghai', 'Qinghai', '青海'),
    SC: tz('Sichuan', 'Sichuan', '四川'),
    SD: tz('Shandong', 'Shandong', '山东'),
    SH: tz('Shanghai', 'Shanghai', '上海'),
    SN: tz('Shaanxi', 'Shaanxi', '陕西'),
    SX: tz('Shanxi', 'Shanxi', '山西'),
    TJ: tz('Tianjin', 'Tianjin', '天津'),
    TW: tz('Taiwan', 'Taiwan', '台湾'),
    XJ: tz('Xinjiang', 'Xinjiang', '新疆'),
    XZ: tz('Tibet', 'Tibet', '西藏'),
    YN: tz('Yunnan', 'Yunnan', '云南'),
    ZJ: tz('Zhejiang', 'Zhejiang', '浙江'),
  }),
  germanParent: booleanField(t('Has a German parent company', 'Hat eine deutsche Muttergesellschaft')),
  // ---- added with catalogue 2026.2 (optional; see defaultValue)
  importer: optionalEnumField(
    t('Imports goods in its own name', 'Importiert Waren im eigenen Namen'),
    yesNoUnknown,
    'unknown',
  ),
  exporter: optionalEnumField(
    t('Exports goods in its own name', 'Exportiert Waren im eigenen Namen'),
    yesNoUnknown,
    'unknown',
  ),
  customsDirectUnregistered: optionalEnumField(
    t(
      'Not registered with customs, but directly involved in import or export business (e.g. as consignee, agent or logistics provider)',
      'Nicht beim Zoll registriert, aber unmittelbar an Import- oder Exportgeschäften beteiligt (z. B. als Empfänger, Beauftragter oder Logistikdienstleister)',
    ),
    yesNoUnknown,
    'no',
  ),
  piProcessedVolume: optionalEnumField(
    t(
      'Individuals whose personal information the entity processes (in total)',
      'Personen, deren personenbezogene Informationen die Gesellschaft verarbeitet (insgesamt)',
    ),
    {
      lt1m: t('Fewer than 1 million', 'Weniger als 1 Million'),
      '1m_10m': t('1 million to 10 million', '1 Million bis 10 Millionen'),
      gt10m: t('More than 10 million', 'Mehr als 10 Millionen'),
      unknown: t("Don't know", 'Weiß nicht'),
    },
    'unknown',
  ),
  crossBorderPiVolume: optionalEnumField(
    t(
      'Individuals whose non-sensitive personal information is transferred abroad per calendar year',
      'Personen, deren nicht sensible personenbezogene Informationen je Kalenderjahr ins Ausland übermittelt werden',
    ),
    {
      none: t('None', 'Keine'),
      lt100k: t('Fewer than 100,000', 'Weniger als 100.000'),
      '100k_1m': t('100,000 to under 1 million', '100.000 bis unter 1 Million'),
      gte1m: t('1 million or more', '1 Million oder mehr'),
      unknown: t("Don't know", 'Weiß nicht'),
    },
    'unknown',
  ),
  crossBorderSensitivePiVolume: optionalEnumField(
    t(
      'Individuals whose sensitive personal information is transferred abroad per calendar year',
      'Personen, deren sensible personenbezogene Informationen je Kalenderjahr ins Ausland übermittelt werden',
    ),
    {
      none: t('None', 'Keine'),
      lt10k: t('Fewer than 10,000', 'Weniger als 10.000'),
      gte10k: t('10,000 or more', '10.000 oder mehr'),
      unknown: t("Don't know", 'Weiß nicht'),
    },
    'unknown',
  ),
} as const;

type Fields = typeof PROFILE_FIELDS;
export type ProfileField = keyof Fields;
export const PROFILE_FIELD_NAMES = Object.keys(PROFILE_FIELDS) as ProfileField[];

type FieldValue<F> =
  F extends EnumField<infer V, infer M>
    ? M extends true
      ? V[]
      : V
    : F extends BooleanField
      ? boolean
      : F extends IntegerField
        ? number
        : never;

type OptionalField = { [K in ProfileField]: Fields[K] extends { defaultValue: string } ? K : never }[ProfileField];
type RequiredField = Exclude<ProfileField, OptionalField>;
/** Fields added after the first profile version; absent in older stored profiles. */
export type OptionalProfileField = OptionalField;

/**
 * The firm profile that drives applicability. The original fields are required; fields added later are optional and
 * read as their `defaultValue` when absent. "Don't know" is an explicit value where allowed.
 */
export type FirmProfile = { [K in RequiredField]: FieldValue<Fields[K]> } & {
  [K in OptionalField]?: FieldValue<Fields[K]>;
};

/** The value a rule sees for `field`: the profile's value, or the field's default when an older profile lacks it. */
export function profileValue(profile: FirmProfile, field: ProfileField): unknown {
  const value = (profile as Record<string, unknown>)[field];
  if (value !== undefined) return value;
  const def = PROFILE_FIELDS[field] as ProfileFieldDefinition;
  return def.kind === 'enum' ? def.defaultValue : undefined;
}

function fieldSchema(def: ProfileFieldDefinition): z.ZodType {
  switch (def.kind) {
    case 'boolean':
      return z.boolean();
    case 'integer':
      return z.int().min(def.min).max(def.max);
    case 'enum': {
      const one = z.enum(def.values as [string, ...string[]]);
      if (def.defaultValue !== undefined) return one.optional();
      return def.multi ? z.array(one).refine((a) => new Set(a).size === a.length, 'values must not repeat') : one;
    }
  }
}

/** Validates a complete firm profile (unknown keys rejected). */
export const firmProfileSchema = z.strictObject(
  Object.fromEntries(PROFILE_FIELD_NAMES.map((name) => [name, fieldSchema(PROFILE_FIELDS[name])])),
) as unknown as z.ZodType<FirmProfile>;

/**
 * A province in `locale`: from its code (`JS`) or from its name in any of the three languages, as partner lists give
 * it ("Jiangsu", "Peking", "江苏", "江苏省"); any other text is returned as written (trimmed).
 */
export function provinceLabel(value: string, locale: ReadLocale): string {
  const text = value.trim();
  const labels = PROFILE_FIELDS.provinces.valueLabels as Readonly<Record<string, TextZh>>;
  const key = text.toUpperCase();
  const norm = (s: string) => s.toLowerCase().replace(/(省|市|自治区|特别行政区)$/u, '');
  const hit =
    labels[key] ?? Object.values(labels).find((l) => [l.en, l.de, l.zh ?? ''].some((n) => n && norm(n) === norm(text)));
  return hit ? localize(hit, locale) : text;
}
