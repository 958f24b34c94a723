import { AutoComplete, type AutoCompleteProps } from 'antd';

// Where Touchpoint's first customers are; listed first, then every zone the browser knows.
const commonZones = ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Seoul', 'Asia/Hong_Kong', 'Europe/London'];
const allZones = [...new Set([...commonZones, ...Intl.supportedValuesOf('timeZone')])];
const options = allZones.map((zone) => ({ value: zone }));

/** An IANA time zone: pick from the list or type one the list lacks. */
export function TimeZoneInput({ 'aria-required': _ariaRequired, ...props }: AutoCompleteProps & { 'aria-required'?: boolean }) {
  // Form.Item hands aria-required to its child, and AutoComplete would put it on a plain <div>, which axe-core
  // reports as a critical violation. The field's label already shows that it is required.
  return (
    <AutoComplete
      {...props}
      options={options}
      filterOption={(input, option) => option?.value.toLowerCase().includes(input.toLowerCase()) ?? false}
    />
  );
}
