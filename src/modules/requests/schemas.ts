/** The request fulfilment shapes live with the other contracts; re-exported for this module's routes. */
export {
  ApprovalDecision,
  ApprovalPolicySchema,
  CatalogItemCreate,
  CatalogItemPatch,
  CatalogItemView,
  FormFieldSchema,
  PendingApproval,
  RequestTaskView,
  RequestView,
  TaskTemplateSchema,
} from '../../contracts/requests.ts';
