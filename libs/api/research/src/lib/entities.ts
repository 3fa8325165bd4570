import { Consent, ConsentText } from './consent/consent.entity';
import { AggregateCache, AggregateState } from './outputs/aggregate.entity';
import { ExportLog } from './outputs/export-log.entity';
import { ResearchRecordRow } from './records/research-record.entity';

export const researchEntities = [ConsentText, Consent, ResearchRecordRow, AggregateCache, AggregateState, ExportLog];
