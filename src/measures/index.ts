/**
 * Standard instruments — PHQ-9, GAD-7, AUDIT-C, DAST-10 (non-commercial licence) and the Brief
 * Addiction Monitor: validated answers, totals or composites, severity bands, flags, and change
 * between two administrations. The scoring rules are data ({@link instruments}).
 * @module measures
 */
export {
  BamCompositeId,
  BamSubstance,
  InstrumentId,
  Sex,
  bamCompositeIds,
  bamSubstances,
  instrumentIds,
  instruments,
  sexes,
  type AnswerOption,
  type BandDefinition,
  type ChangeRules,
  type CompositeDefinition,
  type FlagRule,
  type InstrumentDefinition,
  type InstrumentLicence,
  type ItemDefinition,
  type ItemResponse,
  type InstrumentAges,
  type LoincCodes,
  type Scoring,
  type SkipRule,
} from "./instruments";
export { Answer, BamSubstanceDays, type BamAnswer } from "./answers";
export {
  BamScore,
  CompositeScore,
  MeasureScore,
  ScoreBand,
  ScoreFlag,
  TotalScore,
  totalScoreInstruments,
  type BamComposites,
} from "./measure-score";
export {
  scoreAuditC,
  scoreBam,
  scoreDast10,
  scoreGad7,
  scoreMeasure,
  scorePhq9,
  type AnswersByInstrument,
  type AuditCOptions,
  type Dast10Options,
  type ScoreByInstrument,
  type ScoreOptions,
  type ScoreOptionsArg,
  type ScoreOptionsByInstrument,
} from "./score-measure";
export {
  MeasureAdministration,
  parseMeasureAdministration,
  safeParseMeasureAdministration,
  scoreAdministration,
  type MeasureAdministrationInput,
  type ScoreAdministrationOptions,
} from "./measure-administration";
export {
  ChangeCriterion,
  ChangeDirection,
  MeasureChange,
  ScaleChange,
  changeDirections,
  changeScales,
  measureChange,
} from "./measure-change";
