export { BiddingModule } from './bidding.module';
