import '@ps/telemetry/register';
import 'reflect-metadata';
import { runService } from '@ps/service-kit';
import { personnelService } from './service';

void runService(personnelService);
