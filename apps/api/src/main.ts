import 'reflect-metadata';
import { bootstrap } from '@scs/api/app';

void bootstrap();
