import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueVersionsAdmin, CatalogueVersionsAdminController } from './admin/catalogue-versions.admin';
import { CatalogueController } from './catalogue.controller';
import { CatalogueVersion } from './catalogue.entity';
import { CatalogueService } from './catalogue.service';

@Module({
  imports: [TypeOrmModule.forFeature([CatalogueVersion])],
  controllers: [CatalogueController, CatalogueVersionsAdminController],
  providers: [CatalogueService, CatalogueVersionsAdmin],
  exports: [CatalogueService],
})
export class CatalogueModule {}
