import { Select, type SelectProps } from 'antd';

type Props<Value> = SelectProps<Value> & { 'aria-required'?: boolean | 'true' | 'false' };

/**
 * Select for use inside a Form.Item. Form.Item hands `aria-required` to its child, and Select puts it on its outer
 * <div>, which has no role, so axe-core reports a critical violation. The label's asterisk and the validation
 * message still tell that the field is required.
 */
export function FormSelect<Value>({ 'aria-required': _ariaRequired, ...props }: Props<Value>) {
  return <Select<Value> {...props} />;
}
