import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTeams } from '../api/queries';

/** Picks teams from the directory by name (any language); the value is their ids. */
export function TeamPicker(props: { value?: string[]; onChange?: (ids: string[]) => void; id?: string; disabled?: boolean }) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const teams = useTeams({ q }, q.length > 0);
  const known = (props.value ?? []).map((id) => ({ value: id, label: teams.data?.find((team) => team.id === id)?.name ?? id }));
  const found = (teams.data ?? []).map((team) => ({ value: team.id, label: `${team.name} (${team.country})` }));
  const options = [...found, ...known.filter((k) => !found.some((f) => f.value === k.value))];
  return (
    <Select
      {...props}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={teams.isFetching}
      options={options}
    />
  );
}
