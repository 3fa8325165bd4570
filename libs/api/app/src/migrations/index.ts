import { Foundation1764150000000 } from './1764150000000-Foundation';
import { Accounts1764200000000 } from './1764200000000-Accounts';
import { CatalogueVersions1764300000000 } from './1764300000000-CatalogueVersions';
import { Assessments1764400000000 } from './1764400000000-Assessments';
import { Reports1764500000000 } from './1764500000000-Reports';
import { Research1764600000000 } from './1764600000000-Research';
import { Chambers1764700000000 } from './1764700000000-Chambers';
import { AssessmentScoreDecimal1764800000000 } from './1764800000000-AssessmentScoreDecimal';
import { ChamberReports1764900000000 } from './1764900000000-ChamberReports';
import { RateLimit1764950000000 } from './1764950000000-RateLimit';
import { AccountSecurity1765000000000 } from './1765000000000-AccountSecurity';
import { AdverseRecords1765100000000 } from './1765100000000-AdverseRecords';
import { MemberReleases1765200000000 } from './1765200000000-MemberReleases';
import { UserLanguage1765290000000 } from './1765290000000-UserLanguage';
import { ReportLifecycle1765300000000 } from './1765300000000-ReportLifecycle';
import { PerChamberConsent1765310000000 } from './1765310000000-PerChamberConsent';
import { AuthCacheNotify1765320000000 } from './1765320000000-AuthCacheNotify';
import { CampaignInvitationLogistics1765340000000 } from './1765340000000-CampaignInvitationLogistics';
import { GroupPortfolio1765400000000 } from './1765400000000-GroupPortfolio';
import { Partners1765410000000 } from './1765410000000-Partners';
import { ReportLocaleZh1765420000000 } from './1765420000000-ReportLocaleZh';
import { BenchmarkIntroduction1765430000000 } from './1765430000000-BenchmarkIntroduction';
import { ActionResolvedBy1765440000000 } from './1765440000000-ActionResolvedBy';
import { MicrodataLinkageSuppression1765470000000 } from './1765470000000-MicrodataLinkageSuppression';
import { ResearchScoringModel1765520000000 } from './1765520000000-ResearchScoringModel';

/** The linear migration history, oldest first. New migrations are appended here (the webpack bundle needs explicit imports). */
export const migrations = [
  Foundation1764150000000,
  Accounts1764200000000,
  CatalogueVersions1764300000000,
  Assessments1764400000000,
  Reports1764500000000,
  Research1764600000000,
  Chambers1764700000000,
  AssessmentScoreDecimal1764800000000,
  ChamberReports1764900000000,
  RateLimit1764950000000,
  AccountSecurity1765000000000,
  AdverseRecords1765100000000,
  MemberReleases1765200000000,
  UserLanguage1765290000000,
  ReportLifecycle1765300000000,
  PerChamberConsent1765310000000,
  AuthCacheNotify1765320000000,
  CampaignInvitationLogistics1765340000000,
  GroupPortfolio1765400000000,
  Partners1765410000000,
  ReportLocaleZh1765420000000,
  BenchmarkIntroduction1765430000000,
  ActionResolvedBy1765440000000,
  MicrodataLinkageSuppression1765470000000,
  ResearchScoringModel1765520000000,
];
