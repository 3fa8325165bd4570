import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ReportKinds, reportKinds, type BuiltReport, type ReportKindProvider, type ReportRequest } from './report-kind';

@Injectable()
class NoteReport implements ReportKindProvider<string> {
  readonly kind = 'note';
  readonly templateVersion = '1';
  readonly subject = 'organisation';
  async contentKey(request: ReportRequest) {
    return { orgId: request.subjectId, parts: [request.subjectId] };
  }
  async build(request: ReportRequest): Promise<BuiltReport<string>> {
    return { data: request.subjectId, html: '<p>note</p>', pdfOptions: {}, filename: 'note.pdf' };
  }
}

@Injectable()
class OtherNoteReport extends NoteReport {}

@Module({ providers: [ReportKinds], exports: [ReportKinds] })
class RegistryModule {}

describe('report kinds', () => {
  it('registers the kinds a module lists with reportKinds()', async () => {
    @Module({ imports: [RegistryModule], providers: [...reportKinds(NoteReport)] })
    class FeatureModule {}
    const app = await Test.createTestingModule({ imports: [FeatureModule] }).compile();
    const registry = app.get(ReportKinds);
    expect(registry.kinds()).toEqual(['note']);
    expect(registry.get('note')).toBe(app.get(NoteReport));
    expect(registry.get('other')).toBeUndefined();
  });

  it('refuses a kind registered twice', async () => {
    @Module({ imports: [RegistryModule], providers: [...reportKinds(NoteReport, OtherNoteReport)] })
    class FeatureModule {}
    await expect(Test.createTestingModule({ imports: [FeatureModule] }).compile()).rejects.toThrow(
      'Report kind "note" is registered twice',
    );
  });
});
