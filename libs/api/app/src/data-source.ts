// DataSource for the TypeORM CLI (migration:run / revert / generate). The app builds the same options via DatabaseModule.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { postgresOptions } from '@scs/api/core';
import { entities } from './lib/entities';
import { migrations } from './migrations';

const url = process.env['DATABASE_URL'];
if (!url) {
  console.error('DATABASE_URL is required for migration commands (e.g. postgres://postgres@127.0.0.1:5432/scs)');
  process.exit(1);
}
export default new DataSource(postgresOptions(url, entities, migrations));
