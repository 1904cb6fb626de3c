import type { paths } from '../../../api-types/openapi';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type MyCaseRow = Json<paths['/api/v1/my/cases']['get']['responses'][200]>['items'][number];
export type MyCase = Json<paths['/api/v1/my/cases/{id}']['get']['responses'][200]>;
export type MyRating = Json<paths['/api/v1/my/cases/{id}/rating']['get']['responses'][200]>;
export type MyReport = NonNullable<paths['/api/v1/my/cases']['post']['requestBody']>['content']['application/json'];
