import { z } from 'zod';
import { localize, trilingual as tz, type ReadLocale, type Text, type TextZh } from './text';

/** A profile field with a fixed set of values; `multi` fields hold an array of them. */
interface EnumField<V extends string, M extends boolean = boolean> {
  kind: 'enum';
  multi: M;
  label: Text | TextZh;
  values: readonly V[];
  /** Labels of the values, in Chinese too (shown in the Chinese UI and reports). */
  valueLabels: Readonly<Record<V, Text | TextZh>>;
  /**
   * Fields added after the first profile version are optional: a stored profile without them stays valid and
   * rules read `defaultValue` instead (chosen so that an old profile is treated as before, or conservatively).
   */
  defaultValue?: V;
}
interface BooleanField {
  kind: 'boolean';
  label: Text | TextZh;
}
interface IntegerField {
  kind: 'integer';
  label: Text | TextZh;
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
const booleanField = (label: Text | TextZh): BooleanField => ({ kind: 'boolean', label });
/** An enum field added later: optional in a stored profile, read as `defaultValue` when absent. */
function optionalEnumField<const V extends string>(
  label: Text | TextZh,
  valueLabels: Record<V, Text | TextZh>,
  defaultValue: NoInfer<V>,
): EnumField<V, false> & { defaultValue: V } {
  return { ...enumField(label, false, valueLabels), defaultValue };
}

const yesNoUnknown = {
  yes: tz('Yes', 'Ja', '是'),
  no: tz('No', 'Nein', '否'),
  unknown: tz("Don't know", 'Weiß nicht', '不清楚'),
};

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
  activities: enumField(tz('Activities', 'Tätigkeiten', '业务活动'), true, {
    manufacturing: tz('Manufacturing', 'Produktion', '生产制造'),
    trading: tz('Trading (import/export)', 'Handel (Import/Export)', '贸易（进出口）'),
    services: tz('Services', 'Dienstleistungen', '服务'),
    rnd: tz('Research and development', 'Forschung und Entwicklung', '研究与开发'),
    ecommerce: tz('E-commerce', 'E-Commerce', '电子商务'),
    construction: tz('Construction or installation', 'Bau oder Montage', '建筑或安装'),
    food_drugs_medical: tz(
      'Food, drugs or medical devices',
      'Lebensmittel, Arzneimittel oder Medizinprodukte',
      '食品、药品或医疗器械',
    ),
    hazardous_chemicals: tz('Hazardous chemicals', 'Gefahrstoffe', '危险化学品'),
    logistics: tz(
      'Logistics, freight forwarding or customs brokerage',
      'Logistik, Spedition oder Zollabwicklung',
      '物流、货运代理或报关',
    ),
  }),
  importsExports: booleanField(
    tz(
      'Imports or exports goods in its own name (registered with customs)',
      'Importiert oder exportiert Waren im eigenen Namen (beim Zoll registriert)',
      '以自身名义进口或出口货物（已在海关备案）',
    ),
  ),
  headcountBand: enumField(tz('Headcount', 'Beschäftigte', '员工人数'), false, {
    lt50: tz('Fewer than 50', 'Weniger als 50', '少于 50 人'),
    '50_249': tz('50–249', '50–249', '50–249 人'),
    '250_999': tz('250–999', '250–999', '250–999 人'),
    gte1000: tz('1,000 or more', '1.000 oder mehr', '1,000 人及以上'),
  }),
  agencyLabour: booleanField(
    tz(
      'Uses agency (dispatched) workers or labour subcontractors',
      'Setzt Leiharbeitskräfte oder Arbeits-Subunternehmer ein',
      '使用劳务派遣人员或劳务分包',
    ),
  ),
  pollutantPermit: enumField(
    tz(
      'Key pollutant-discharging unit or holder of a pollutant discharge permit',
      'Schwerpunkt-Emittent oder Inhaber einer Emissionsgenehmigung',
      '重点排污单位或持有排污许可证',
    ),
    false,
    yesNoUnknown,
  ),
  largeScaleData: enumField(
    tz(
      'Processes personal information of more than 1 million individuals, or transfers personal or important data abroad',
      'Verarbeitet personenbezogene Daten von mehr als 1 Million Personen oder übermittelt personenbezogene oder wichtige Daten ins Ausland',
      '处理超过 100 万人的个人信息，或向境外提供个人信息或重要数据',
    ),
    false,
    yesNoUnknown,
  ),
  publicProcurement: booleanField(
    tz(
      'Bids for government procurement or SOE tenders',
      'Bietet bei öffentlichen Aufträgen oder Ausschreibungen von Staatsunternehmen',
      '参与政府采购或国有企业招标投标',
    ),
  ),
  largeEnterpriseBuyer: booleanField(
    tz(
      'Large enterprise buying from Chinese SMEs',
      'Großunternehmen, das bei chinesischen KMU einkauft',
      '向中国中小企业采购的大型企业',
    ),
  ),
  taxRegistrationYear: {
    kind: 'integer',
    label: tz('Year of tax registration', 'Jahr der Steueranmeldung', '税务登记年份'),
    min: 1979,
    max: 2100,
  } satisfies IntegerField,
  naceSection: enumField(
    tz('Main sector (NACE section)', 'Hauptbranche (NACE-Abschnitt)', '主要行业（NACE 门类）'),
    false,
    {
      A: tz(
        'A – Agriculture, forestry and fishing',
        'A – Land- und Forstwirtschaft, Fischerei',
        'A – 农业、林业和渔业',
      ),
      B: tz('B – Mining and quarrying', 'B – Bergbau und Gewinnung von Steinen und Erden', 'B – 采矿和采石'),
      C: tz('C – Manufacturing', 'C – Verarbeitendes Gewerbe', 'C – 制造业'),
      D: tz(
        'D – Electricity, gas, steam and air conditioning supply',
        'D – Energieversorgung',
        'D – 电力、燃气、蒸汽和空调供应',
      ),
      E: tz(
        'E – Water supply, sewerage, waste management',
        'E – Wasserversorgung, Abwasser- und Abfallentsorgung',
        'E – 供水、污水处理和废物管理',
      ),
      F: tz('F – Construction', 'F – Baugewerbe', 'F – 建筑业'),
      G: tz('G – Wholesale and retail trade', 'G – Handel', 'G – 批发和零售业'),
      H: tz('H – Transportation and storage', 'H – Verkehr und Lagerei', 'H – 运输和仓储'),
      I: tz('I – Accommodation and food service', 'I – Gastgewerbe', 'I – 住宿和餐饮服务'),
      J: tz('J – Information and communication', 'J – Information und Kommunikation', 'J – 信息和通信'),
      K: tz(
        'K – Financial and insurance activities',
        'K – Finanz- und Versicherungsdienstleistungen',
        'K – 金融和保险活动',
      ),
      L: tz('L – Real estate activities', 'L – Grundstücks- und Wohnungswesen', 'L – 房地产活动'),
      M: tz(
        'M – Professional, scientific and technical activities',
        'M – Freiberufliche, wissenschaftliche und technische Dienstleistungen',
        'M – 专业、科学和技术活动',
      ),
      N: tz(
        'N – Administrative and support service activities',
        'N – Sonstige wirtschaftliche Dienstleistungen',
        'N – 行政和辅助服务活动',
      ),
      O: tz(
        'O – Public administration and defence',
        'O – Öffentliche Verwaltung und Verteidigung',
        'O – 公共管理和国防',
      ),
      P: tz('P – Education', 'P – Erziehung und Unterricht', 'P – 教育'),
      Q: tz('Q – Human health and social work', 'Q – Gesundheits- und Sozialwesen', 'Q – 卫生和社会工作'),
      R: tz('R – Arts, entertainment and recreation', 'R – Kunst, Unterhaltung und Erholung', 'R – 艺术、娱乐和休闲'),
      S: tz('S – Other service activities', 'S – Sonstige Dienstleistungen', 'S – 其他服务活动'),
      T: tz(
        'T – Activities of households as employers',
        'T – Private Haushalte mit Hauspersonal',
        'T – 家庭作为雇主的活动',
      ),
      U: tz('U – Extraterritorial organisations', 'U – Exterritoriale Organisationen', 'U – 域外组织'),
    },
  ),
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
  germanParent: booleanField(tz('Has a German parent company', 'Hat eine deutsche Muttergesellschaft', '有德国母公司')),
  // ---- added with catalogue 2026.2 (optional; see defaultValue)
  importer: optionalEnumField(
    tz('Imports goods in its own name', 'Importiert Waren im eigenen Namen', '以自身名义进口货物'),
    yesNoUnknown,
    'unknown',
  ),
  exporter: optionalEnumField(
    tz('Exports goods in its own name', 'Exportiert Waren im eigenen Namen', '以自身名义出口货物'),
    yesNoUnknown,
    'unknown',
  ),
  customsDirectUnregistered: optionalEnumField(
    tz(
      'Not registered with customs, but directly involved in import or export business (e.g. as consignee, agent or logistics provider)',
      'Nicht beim Zoll registriert, aber unmittelbar an Import- oder Exportgeschäften beteiligt (z. B. als Empfänger, Beauftragter oder Logistikdienstleister)',
      '未在海关备案，但直接参与进出口业务（例如作为收货人、代理人或物流服务商）',
    ),
    yesNoUnknown,
    'no',
  ),
  piProcessedVolume: optionalEnumField(
    tz(
      'Individuals whose personal information the entity processes (in total)',
      'Personen, deren personenbezogene Informationen die Gesellschaft verarbeitet (insgesamt)',
      '本主体处理其个人信息的自然人数量（累计）',
    ),
    {
      lt1m: tz('Fewer than 1 million', 'Weniger als 1 Million', '少于 100 万'),
      '1m_10m': tz('1 million to 10 million', '1 Million bis 10 Millionen', '100 万至 1,000 万'),
      gt10m: tz('More than 10 million', 'Mehr als 10 Millionen', '超过 1,000 万'),
      unknown: tz("Don't know", 'Weiß nicht', '不清楚'),
    },
    'unknown',
  ),
  crossBorderPiVolume: optionalEnumField(
    tz(
      'Individuals whose non-sensitive personal information is transferred abroad per calendar year',
      'Personen, deren nicht sensible personenbezogene Informationen je Kalenderjahr ins Ausland übermittelt werden',
      '每个自然年度向境外提供其非敏感个人信息的自然人数量',
    ),
    {
      none: tz('None', 'Keine', '无'),
      lt100k: tz('Fewer than 100,000', 'Weniger als 100.000', '少于 10 万'),
      '100k_1m': tz('100,000 to under 1 million', '100.000 bis unter 1 Million', '10 万至不满 100 万'),
      gte1m: tz('1 million or more', '1 Million oder mehr', '100 万及以上'),
      unknown: tz("Don't know", 'Weiß nicht', '不清楚'),
    },
    'unknown',
  ),
  crossBorderSensitivePiVolume: optionalEnumField(
    tz(
      'Individuals whose sensitive personal information is transferred abroad per calendar year',
      'Personen, deren sensible personenbezogene Informationen je Kalenderjahr ins Ausland übermittelt werden',
      '每个自然年度向境外提供其敏感个人信息的自然人数量',
    ),
    {
      none: tz('None', 'Keine', '无'),
      lt10k: tz('Fewer than 10,000', 'Weniger als 10.000', '少于 1 万'),
      gte10k: tz('10,000 or more', '10.000 oder mehr', '1 万及以上'),
      unknown: tz("Don't know", 'Weiß nicht', '不清楚'),
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
