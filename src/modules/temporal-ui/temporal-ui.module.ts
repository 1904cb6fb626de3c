import { Module } from '@nestjs/common';
import { TemporalUiController } from './temporal-ui.controller';

@Module({ controllers: [TemporalUiController] })
export class TemporalUiModule {}
