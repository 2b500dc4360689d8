/** The two query languages ASL supports. JSONPath is the default when `QueryLanguage` is absent. */
export type QueryLanguage = 'JSONPath' | 'JSONata';
