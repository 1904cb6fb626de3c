import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { UnitScope } from '../../common/auth/unit-scope';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { CreatePersonDto, CreatePositionDto, ListPeopleQuery } from './dto/org.dto';
import { kindLabel, roleLabel, roleUnitKinds } from './org-kinds';
import { isUuid, OrgRepository, unitsInScope } from './org.repository';
import { PeopleRepository } from './people.repository';

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly org: OrgRepository,
    private readonly audit: AuditService,
  ) {}

  async createPerson(dto: CreatePersonDto, unitId?: string) {
    return this.people.transaction(async (tx) => {
      const person = await this.people.createPerson(dto, tx).catch((err: { code?: string }) => {
        if (err.code === 'P2002') throw new DomainError('PHONE_TAKEN', `手机号 ${dto.phone} 已登记`);
        throw err;
      });
      await this.audit.record(
        { action: 'people.person.create', entityType: 'person', entityId: person.id, unitId, after: person },
        tx,
      );
      return person;
    });
  }

  async createPosition(dto: CreatePositionDto) {
    const unit = await this.org.findUnit(dto.unitId);
    if (!unit) throw new DomainError('UNKNOWN_UNIT', `组织单元 ${dto.unitId} 不存在`);
    if (!roleUnitKinds[dto.role].includes(unit.kind)) {
      throw new DomainError(
        'POSITION_UNIT_KIND_MISMATCH',
        `${roleLabel[dto.role]}只能设在${roleUnitKinds[dto.role].map((k) => kindLabel[k]).join('、')}，不能设在${kindLabel[unit.kind]}「${unit.name}」`,
      );
    }
    if (!(await this.people.personExists(dto.personId)))
      throw new DomainError('INVALID_REFERENCE', `人员 ${dto.personId} 不存在`);
    if (dto.reportsToUnitId && (await this.org.findUnit(dto.reportsToUnitId))?.kind !== 'COMMUNITY') {
      throw new DomainError('UNKNOWN_UNIT', '报到单位必须是一个已登记的社区');
    }
    return this.people.transaction(async (tx) => {
      const position = await this.people.createPosition(
        { ...dto, startsOn: new Date(dto.startsOn), endsOn: dto.endsOn ? new Date(dto.endsOn) : null },
        tx,
      );
      await this.audit.record(
        {
          action: 'people.position.create',
          entityType: 'position',
          entityId: position.id,
          unitId: unit.id,
          after: position,
        },
        tx,
      );
      return position;
    });
  }

  async list(scope: UnitScope, q: ListPeopleQuery) {
    const where: Prisma.PersonWhereInput = {
      positions: {
        some: {
          unit: { ...unitsInScope(scope), ...(q.unitId ? { id: q.unitId } : {}) },
          ...(q.role ? { role: q.role } : {}),
        },
      },
      ...(q.q ? { name: { contains: q.q } } : {}),
    };
    const [items, total] = await this.people.list(where, toSkipTake(q));
    return pageOf(items, total, q);
  }

  /** A person is visible when they hold a position inside the caller's scope. */
  async get(scope: UnitScope, personId: string) {
    const person = isUuid(personId)
      ? await this.people.findOne({ id: personId, positions: { some: { unit: unitsInScope(scope) } } })
      : null;
    if (!person) throw new DomainError('NOT_FOUND', '人员不存在或不在您的管辖范围内');
    return person;
  }
}
