import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { GetImport, ListImports, StartImport, type Actor } from '@cb/application';
import { IMPORT_METADATA_BYTES } from '../common/body-limits';
import { PageQueryDto } from '../common/dto/page-query.dto';
import {
  CurrentActor,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { MultipartFields } from '../common/multipart/multipart-body.decorator';
import { MultipartUpload } from '../common/multipart/multipart.interceptor';
import { ImportDto, ImportListDto, StartImportDto } from './import.dto';
import { toImportResponse } from './imports.mapper';
import { StartImportPipe, type ImportUpload } from './start-import.pipe';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports')
export class ImportsController {
  constructor(
    @Inject(StartImport) private readonly startImport: StartImport,
    @Inject(GetImport) private readonly getImport: GetImport,
    @Inject(ListImports) private readonly listImports: ListImports,
  ) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('contracts:write')
  @MultipartUpload('file', { limit: 'import', bufferedFiles: { metadata: IMPORT_METADATA_BYTES } })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: StartImportDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({ type: ImportDto, description: 'Stored; the worker reads it file by file' })
  async start(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @MultipartFields(StartImportPipe) upload: ImportUpload,
  ): Promise<ImportDto> {
    return toImportResponse(await this.startImport.execute({ tenantId, actor, ...upload }));
  }

  @Get()
  @RequirePermission('contracts:read')
  @ApiOkResponse({ type: ImportListDto })
  async list(@CurrentTenant() tenantId: string, @Query() query: PageQueryDto) {
    const page = await this.listImports.execute(tenantId, query);
    return { data: page.data.map(toImportResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('contracts:read')
  @ApiOkResponse({ type: ImportDto })
  async get(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string) {
    return toImportResponse(await this.getImport.execute(tenantId, id));
  }
}
