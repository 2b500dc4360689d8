/**
 * A workflow variable's name, as a regular-expression source (use it with the `u` flag): "The first
 * character of a variable name must be a Unicode ID_Start character, and the second and subsequent
 * characters must be Unicode ID_Continue characters" (Unicode Standard Annex #31). `_` is accepted
 * first too, as programming languages accept it.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html#variable-name-syntax
 */
export const VARIABLE_NAME_SOURCE = String.raw`[\p{ID_Start}_]\p{ID_Continue}*`;

/** "The maximum length of a variable name is 80." */
export const MAX_VARIABLE_NAME_LENGTH = 80;
