import { render, undeclaredVariables, variablesIn } from './template-text';

describe('template text', () => {
  it('finds variables, ignoring spacing and repeats', () => {
    expect(variablesIn('{{ caseNo }} 已超时，请 {{assignee}} 处理 {{caseNo}}')).toEqual(['caseNo', 'assignee']);
  });

  it('names variables a template uses but its producer does not offer', () => {
    expect(
      undeclaredVariables(['诉求 {{caseNo}}', '{{deadline}} 前由 {{owner}} 办结'], ['caseNo', 'deadline']),
    ).toEqual(['owner']);
  });

  it('renders Chinese text and refuses missing data', () => {
    expect(render('诉求 {{caseNo}} 将于 {{deadline}} 到期', { caseNo: 'A-1', deadline: '17:30' })).toBe(
      '诉求 A-1 将于 17:30 到期',
    );
    expect(() => render('{{caseNo}}', {})).toThrow(/caseNo/);
  });
});
