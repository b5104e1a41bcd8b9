// The filters the lists share (what to fix first, the teachers): the schools of a list in Chinese
// collation, and the school select shown where there are several.
import * as React from 'react';
import { Select } from '@fluentui/react-components';
import type { Strings } from './i18n';

/** The distinct schools named, sorted by Chinese collation (not the runtime's default locale). */
export function schoolsOf(names: Iterable<string | null | undefined>): string[] {
  return [...new Set([...names].filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** 全部学校 and each school: a filter worth showing only where there is more than one school. */
export function SchoolSelect(props: {
  s: Strings;
  schools: string[];
  value: string;
  testid: string;
  onChange: (school: string) => void;
}): React.ReactElement | null {
  const { s, schools } = props;
  if (schools.length <= 1) return null;
  return (
    <Select
      size="small"
      aria-label={s.filterSchool}
      value={props.value}
      data-testid={props.testid}
      onChange={(_, d) => props.onChange(d.value)}
    >
      <option value="">{s.anySchool}</option>
      {schools.map((x) => (
        <option key={x} value={x} lang="zh-CN">
          {x}
        </option>
      ))}
    </Select>
  );
}
